import { z } from "zod";
import { date, text } from "@/lib/forms/fields";
import { PRINCIPLE_KEYS } from "@/lib/framework";
import { ACTION_STATUSES, REPLY_MAX } from "./options";

export { ACTION_STATUSES, REPLY_MAX };

/** The prime's right of reply: one optional text per principle. Blank removes a reply. */
export const replySchema = z.object(
  Object.fromEntries(
    PRINCIPLE_KEYS.map((key) => [
      `reply-${key}`,
      z.string().trim().max(REPLY_MAX, `A reply must be ${REPLY_MAX} characters or fewer`),
    ]),
  ) as Record<`reply-${(typeof PRINCIPLE_KEYS)[number]}`, z.ZodString>,
);
export const REPLY_FIELDS = PRINCIPLE_KEYS.map((key) => `reply-${key}` as const);

type ActionStatusValue = (typeof ACTION_STATUSES)[number]["value"];
const statusValues = ACTION_STATUSES.map((s) => s.value) as [ActionStatusValue, ...ActionStatusValue[]];

export const actionItemSchema = z.object({
  action: text("what will be done", 500),
  owner: text("who is responsible", 200),
  dueDate: date("the due date"),
  principleKey: z.union([z.literal("").transform(() => null), z.enum(PRINCIPLE_KEYS)], {
    error: "Choose the principle this action is for",
  }),
});
export const ACTION_FIELDS = ["action", "owner", "dueDate", "principleKey"] as const;

export const actionStatusSchema = z.object({
  status: z.enum(statusValues, { error: "Choose a status" }),
});
