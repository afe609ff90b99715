import { z } from "zod";
import { ROLE_OPTIONS, roleLabel } from "./options";

export { ROLE_OPTIONS, roleLabel };

/** The member-management forms, shared by the page and the server. */

const membershipId = z.string().trim().min(1).max(64);

export const roleChangeSchema = z.object({
  membershipId,
  role: z.enum(["ADMIN", "MEMBER"], { error: "Choose administrator or member" }),
});

export const removeMemberSchema = z.object({ membershipId });

export const joinDecisionSchema = z.object({
  requestId: membershipId,
  decision: z.enum(["approve", "decline"], { error: "Choose whether to let them join" }),
});
