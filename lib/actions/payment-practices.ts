"use server";

import type { FormState } from "@/lib/actions/form-state";
import { requireForm } from "@/lib/actions/require-form";
import { runSignedInFormAction } from "@/lib/actions/run";
import { formatBytes } from "@/lib/format";
import { decodedText, decodeUpload } from "@/lib/ocds/decode";
import { parsePaymentPractices } from "@/lib/payment-practices/parse";
import { importPaymentPractices, type PaymentPracticesImport } from "@/lib/services/payment-practices";

export type PaymentPracticesState = FormState & { result?: PaymentPracticesImport };

/** The government's full export is about 10 MB; this leaves room while it grows. */
const MAX_BYTES = 5 * 1024 * 1024;

const fileError = (message: string): PaymentPracticesState => ({
  status: "error",
  errors: [{ href: "#field-file", questionKey: "file", message }],
});

/** Imports the payment practices CSV. The service checks, for every call, that the person is an operator. */
export async function importPaymentPracticesAction(
  _previous: PaymentPracticesState,
  form: FormData,
): Promise<PaymentPracticesState> {
  return runSignedInFormAction(async (user) => {
    const file = requireForm(form).get("file");
    if (!(file instanceof File) || file.size === 0) return fileError("Choose the CSV file to upload");
    if (file.size > MAX_BYTES) {
      return fileError(
        `This file is ${formatBytes(file.size)}, which is over the ${formatBytes(MAX_BYTES)} limit.`,
      );
    }
    const parsed = parsePaymentPractices(decodedText(decodeUpload(new Uint8Array(await file.arrayBuffer()))));
    if (!parsed.ok) {
      return {
        status: "error",
        message: "Nothing was imported. Correct these lines, or download the file again:",
        errors: parsed.problems.map((p) => ({
          href: "#field-file",
          questionKey: "file",
          message: `Line ${p.line}: ${p.message}`,
        })),
      };
    }
    const result = await importPaymentPractices(user.id, parsed.reports);
    return { status: "idle", errors: [], result };
  });
}
