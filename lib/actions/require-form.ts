import { NotFoundError } from "@/lib/errors";

/**
 * Anyone can call a server action, with any arguments, not only our forms: an action reads its
 * input only after checking it is a submitted form. Anything else is "not found", like a form whose
 * hidden fields were tampered with.
 */
export function requireForm(form: unknown): FormData {
  if (form instanceof FormData) return form;
  throw new NotFoundError();
}

export const isForm = (form: unknown): form is FormData => form instanceof FormData;
