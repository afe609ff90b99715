import { ncvoSercoFramework } from "./ncvo-serco";
import { parseFramework } from "./parse";

/** The framework in use, checked and with defaults filled in. Loading fails loudly if the content is invalid. */
export const framework = parseFramework(ncvoSercoFramework);
