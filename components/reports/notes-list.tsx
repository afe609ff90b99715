import { questionText } from "@/lib/reports/labels";
import type { PrimeReport, Viewer } from "@/lib/services/reports";

/** Partners' evidence notes, never attributed, grouped by question. */
export function NotesList({ notes, viewer }: { notes: PrimeReport["notes"]; viewer: Viewer }) {
  const byQuestion = new Map<string, string[]>();
  for (const note of notes)
    byQuestion.set(note.questionKey, [...(byQuestion.get(note.questionKey) ?? []), note.evidence]);
  return (
    <section aria-labelledby="notes-heading" className="mb-8">
      <h2 id="notes-heading" className="mb-4 text-2xl font-bold">
        What partners wrote
      </h2>
      <p className="mb-4 max-w-3xl">
        {viewer === "prime"
          ? "Notes partners chose to share with you. They are not linked to who wrote them."
          : "Partners' notes on their answers. They are not linked to who wrote them."}
      </p>
      {byQuestion.size === 0 ? (
        <p>No notes to show.</p>
      ) : (
        <dl className="max-w-3xl space-y-4">
          {[...byQuestion].map(([key, texts]) => (
            <div key={key}>
              <dt className="font-bold">{questionText(key)}</dt>
              {texts.map((text) => (
                <dd key={text} className="mt-1 border-l-4 border-gray-300 pl-4">
                  {text}
                </dd>
              ))}
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
