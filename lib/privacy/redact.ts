/**
 * Text clean-up for personal data, without the database: the export must not hand a person other
 * people's addresses, and a deleted account's name and address must leave the activity log.
 */

const EMAIL = /[^\s@<>()"“”‘’,;:]+@[^\s@<>()"“”‘’,;:]+\.[^\s@<>()"“”‘’,;:]+/g;

export const OTHER_ADDRESS = "[another person's email address]";

/** Replaces every email address in `text` except `own` (compared ignoring case). */
export function redactOtherAddresses(text: string, own: string): string {
  return text.replace(EMAIL, (match) => {
    // A sentence may end straight after an address: the full stop is not part of it.
    const address = match.replace(/\.+$/, "");
    const tail = match.slice(address.length);
    return address.toLowerCase() === own.toLowerCase() ? match : `${OTHER_ADDRESS}${tail}`;
  });
}

/**
 * Replaces every whole-word occurrence of `needle`, ignoring case: "Al" is replaced in "Al signed
 * in" but not in "Always". Nothing changes when the needle is empty.
 */
export function replaceIgnoringCase(text: string, needle: string, replacement: string): string {
  if (!needle) return text;
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return text.replace(
    new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "giu"),
    () => replacement,
  );
}
