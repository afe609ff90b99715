import { z } from "zod";
import { PASSWORD_MAX, PASSWORD_MIN } from "./auth";

/** One schema per form, shared by the page (hints) and the server (checks). Messages are GOV.UK style. */
const email = z
  .string()
  .trim()
  .min(1, "Enter your email address")
  .max(254, "Email address must be 254 characters or fewer")
  .pipe(z.email("Enter an email address in the correct format, like name@example.org"));
const password = z
  .string()
  .min(1, "Enter a password")
  .min(PASSWORD_MIN, `Password must be ${PASSWORD_MIN} characters or more`)
  .max(PASSWORD_MAX, `Password must be ${PASSWORD_MAX} characters or fewer`);

export const signInSchema = z.object({
  email,
  password: z.string().min(1, "Enter your password").max(PASSWORD_MAX),
});
export const signUpSchema = z.object({
  name: z.string().trim().min(1, "Enter your full name").max(200, "Name must be 200 characters or fewer"),
  email,
  password,
});
export const forgotSchema = z.object({ email });
export const resetSchema = z.object({ token: z.string().min(1).max(512), password });
/** Deleting an account asks for the password again: a session left open must not be enough. */
export const deleteAccountSchema = z.object({
  password: z
    .string()
    .min(1, "Enter your password to confirm")
    .max(PASSWORD_MAX, "Enter your password to confirm"),
});

/**
 * Only same-site paths: a crafted `next` must not send people to another site, nor carry characters
 * a Location header cannot (control characters, spaces, anything outside printable ASCII).
 */
export function safeNext(
  next: FormDataEntryValue | string | null | undefined,
  fallback = "/dashboard",
): string {
  return typeof next === "string" &&
    next.length <= 2000 &&
    /^\/[\x21-\x7E]*$/.test(next) &&
    !next.startsWith("//") &&
    !next.startsWith("/\\")
    ? next
    : fallback;
}

export const TOO_MANY = "Too many attempts from your connection. Wait a minute, then try again.";

/** What a failed account form tells the person: their mistake, beside a field, or ours, above the form. */
export type AuthFailure = { kind: "service" | "person"; message: string };

/** Better Auth's status when the failure is ours (its 500s, and answerOf's 503 when it throws). */
const ours = (status: number) => status >= 500;

/**
 * What a failed sign-in tells the person, by Better Auth's status: a problem on our side is not
 * their mistake, and saying their password is wrong would send them round in circles.
 */
export function signInFailure(status: number): AuthFailure {
  if (ours(status)) {
    return {
      kind: "service",
      message: "Sorry, we could not sign you in because of a problem on our side. Try again in a moment.",
    };
  }
  if (status === 429) return { kind: "person", message: TOO_MANY };
  return {
    kind: "person",
    message: "Enter the email address and password for your account. They do not match.",
  };
}

/** A failed sign-up: only a taken address or the rate limit is the person's to fix. */
export function signUpFailure(status: number, code: string | null): AuthFailure {
  if (ours(status)) {
    return {
      kind: "service",
      message:
        "Sorry, we could not create your account because of a problem on our side. Try again in a moment.",
    };
  }
  if (status === 429) return { kind: "person", message: TOO_MANY };
  if (code?.startsWith("USER_ALREADY_EXISTS")) {
    return {
      kind: "person",
      message: "An account already uses this email address. Sign in instead, or reset your password.",
    };
  }
  return { kind: "person", message: "Your account could not be created. Check your details and try again." };
}

/**
 * A failed password reset: telling someone their link has expired when the fault is ours would
 * have them ask for link after link.
 */
export function resetFailure(status: number): AuthFailure {
  if (ours(status)) {
    return {
      kind: "service",
      message:
        "Sorry, we could not change your password because of a problem on our side. Your link still works: try again in a moment.",
    };
  }
  if (status === 429) return { kind: "person", message: TOO_MANY };
  return { kind: "person", message: "This link has expired or has already been used. Ask for a new one." };
}
