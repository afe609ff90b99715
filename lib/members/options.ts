// The member forms' choices, without zod, for their fields in the browser (see
// lib/framework/constants.ts).

export const ROLE_OPTIONS = [
  { value: "ADMIN", label: "Administrator" },
  { value: "MEMBER", label: "Member" },
] as const;

export const roleLabel = (role: "ADMIN" | "MEMBER") => (role === "ADMIN" ? "Administrator" : "Member");
