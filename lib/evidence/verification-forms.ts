import { z } from "zod";
import { COMMENT_MAX, VERDICTS } from "./verdicts";

/** The commissioner's verdict and the prime's response, as their forms send them. */

export const verdictSchema = z
  .object({
    verdict: z.enum(VERDICTS, { error: "Choose your verdict on this principle" }),
    comment: z
      .string()
      .trim()
      .max(COMMENT_MAX, `The comment must be ${COMMENT_MAX.toLocaleString("en-GB")} characters or fewer`),
  })
  .superRefine((value, context) => {
    // The prime must be told why: any verdict but "verified" says what is missing or wrong.
    if (value.verdict !== "VERIFIED" && value.comment.length === 0) {
      context.addIssue({
        code: "custom",
        path: ["comment"],
        message: "Say what is missing or wrong, so the prime knows what to do",
      });
    }
  });
export const VERDICT_FIELDS = ["verdict", "comment"] as const;

export const responseSchema = z.object({
  response: z
    .string()
    .trim()
    .min(1, "Enter your response to the commissioner")
    .max(COMMENT_MAX, `Your response must be ${COMMENT_MAX.toLocaleString("en-GB")} characters or fewer`),
});
export const RESPONSE_FIELDS = ["response"] as const;
