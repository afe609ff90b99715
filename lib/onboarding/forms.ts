import { z } from "zod";

/** The public form a council uses to ask for an account, shared by the page and the server. */

const text = (missing: string, label: string, max = 200) =>
  z.string().trim().min(1, missing).max(max, `${label} must be ${max} characters or fewer`);

export const ACCOUNT_REQUEST_FIELDS = [
  "organisationName",
  "contactName",
  "jobTitle",
  "email",
  "message",
] as const;

export const accountRequestSchema = z.object({
  organisationName: text("Enter the name of your council or public body", "The name"),
  contactName: text("Enter your full name", "Your name"),
  jobTitle: text("Enter your job title", "Your job title"),
  email: z
    .string()
    .trim()
    .min(1, "Enter your work email address")
    .max(254, "Email address must be 254 characters or fewer")
    .pipe(z.email("Enter an email address in the correct format, like name@council.gov.uk")),
  message: z.string().trim().max(2000, "Your message must be 2,000 characters or fewer"),
});

export type AccountRequestInput = z.infer<typeof accountRequestSchema>;

export const accountDecisionSchema = z.object({
  requestId: z.string().trim().min(1).max(64),
  decision: z.enum(["approve", "decline"], { error: "Choose whether to approve the request" }),
});
