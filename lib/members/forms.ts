import { z } from "zod";

/** The member-management forms, shared by the page and the server. */
export const ROLE_OPTIONS = [
  { value: "ADMIN", label: "Administrator" },
  { value: "MEMBER", label: "Member" },
] as const;

export const roleLabel = (role: "ADMIN" | "MEMBER") => (role === "ADMIN" ? "Administrator" : "Member");

const membershipId = z.string().trim().min(1).max(64);

export const roleChangeSchema = z.object({
  membershipId,
  role: z.enum(["ADMIN", "MEMBER"], { error: "Choose administrator or member" }),
});

export const removeMemberSchema = z.object({ membershipId });
