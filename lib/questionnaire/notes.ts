/**
 * Who reads a partner's notes, in the one sentence both the start page and the submit page show,
 * so the two never disagree. Reports show notes without the partner's name, with the other partners'
 * notes, and only from the ratings of a released scope (lib/services/releases.ts, `releasedNotes`).
 */
export function whoReadsNotes(primeName: string, minResponses: number): string {
  return (
    `Notes you add are shown without your organisation's name, together with other partners' notes, once at ` +
    `least ${minResponses} partners have answered: always to the commissioner, and to ${primeName} only if you ` +
    `tick “Let ${primeName} read my notes” when you send your answers.`
  );
}
