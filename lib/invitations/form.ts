import { z } from "zod";

/**
 * The invite form, shared by the page and the server. One radio names both the prime and the
 * organisation invited (`<primeId>:<organisationId>`), so a contract with several primes needs no
 * second step and the form works without JavaScript. The prime itself means a self-assessment.
 */
export const inviteeValue = (primeId: string, organisationId: string) => `${primeId}:${organisationId}`;

export const inviteSchema = z.object({
  invitee: z
    .string()
    .regex(/^[^:\s]{1,64}:[^:\s]{1,64}$/, "Choose the organisation to invite")
    .transform((value) => {
      const [primeId = "", organisationId = ""] = value.split(":");
      return {
        primeId,
        organisationId,
        perspective: primeId === organisationId ? ("prime" as const) : ("subcontractor" as const),
      };
    }),
  email: z
    .string()
    .trim()
    .min(1, "Enter the email address of the person to invite")
    .max(254, "Email address must be 254 characters or fewer")
    .pipe(z.email("Enter an email address in the correct format, like name@example.org")),
});

export const INVITE_FIELDS = ["invitee", "email"] as const;
