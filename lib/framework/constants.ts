/**
 * The framework's fixed words and keys, without zod: code that also runs in the browser (the
 * questionnaire's fields) takes them from here. Zod checks whether eval is allowed as soon as a
 * schema is made, which the Content-Security-Policy refuses and the browser reports.
 */

/** Answers that mean "I cannot say" rather than a rating. Scoring leaves them out, never counts them as 0. */
export const DONT_KNOW = "dont_know";
export const NOT_APPLICABLE = "not_applicable";
export type NonAnswer = typeof DONT_KNOW | typeof NOT_APPLICABLE;

/** Fixed scales: the labels are part of the framework so the questionnaire and method page agree. */
export const SCALES = {
  agreement: [
    { value: "strongly-disagree", label: "Strongly disagree" },
    { value: "disagree", label: "Disagree" },
    { value: "neither", label: "Neither agree nor disagree" },
    { value: "agree", label: "Agree" },
    { value: "strongly-agree", label: "Strongly agree" },
  ],
  extent: [
    { value: "not-at-all", label: "Not at all" },
    { value: "small-extent", label: "To a small extent" },
    { value: "some-extent", label: "To some extent" },
    { value: "great-extent", label: "To a great extent" },
  ],
  "yes-partly-no": [
    { value: "no", label: "No" },
    { value: "partly", label: "Partly" },
    { value: "yes", label: "Yes" },
  ],
} as const;
export type ScaleName = keyof typeof SCALES;

export const PRINCIPLE_KEYS = [
  "risk-sharing",
  "fair-payment",
  "capacity-building",
  "good-faith",
  "data-sharing",
] as const;
export type PrincipleKey = (typeof PRINCIPLE_KEYS)[number];
