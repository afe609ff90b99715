// The report forms' limits and choices, without zod, for their fields in the browser (see
// lib/framework/constants.ts).

/** The prime's right of reply: one optional text per principle. Blank removes a reply. */
export const REPLY_MAX = 2000;

export const ACTION_STATUSES = [
  { value: "PLANNED", label: "Planned" },
  { value: "IN_PROGRESS", label: "In progress" },
  { value: "DONE", label: "Done" },
] as const;
