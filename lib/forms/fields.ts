import { z } from "zod";

/** Field rules with the messages people see, shared by every form's schema. */

export const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `${label[0]?.toUpperCase()}${label.slice(1)} must be ${max} characters or fewer`);
export const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .transform((v) => v || null);
export const date = (label: string) =>
  z
    .string()
    .trim()
    .min(1, `Enter ${label}`)
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Enter ${label} as a real date, like 2026-04-01`)
    // Date() rolls 31 February over into March: a real date reads back as itself.
    .refine((v) => isRealDate(v), `Enter ${label} as a real date, like 2026-04-01`)
    .transform((v) => new Date(`${v}T00:00:00Z`));
export const optionalDate = (label: string) => z.union([z.literal("").transform(() => null), date(label)]);

function isRealDate(value: string): boolean {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}
