import Link from "next/link";
import { questionText } from "@/lib/reports/labels";
import type { PrimeReport, Viewer } from "@/lib/services/reports";

type Notes = PrimeReport["notes"];

function byQuestion(notes: Notes): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const note of notes)
    grouped.set(note.questionKey, [...(grouped.get(note.questionKey) ?? []), note.evidence]);
  return grouped;
}

const intro = (viewer: Viewer) =>
  viewer === "prime"
    ? "Notes partners chose to share with you. They are not linked to who wrote them."
    : "Partners' notes on their answers. They are not linked to who wrote them.";

/** On the report: how many notes there are, and where to read them. */
export function NotesSummary({ notes, viewer, href }: { notes: Notes; viewer: Viewer; href: string }) {
  const questions = byQuestion(notes).size;
  return (
    <section aria-labelledby="notes-heading" className="mb-8">
      <h2 id="notes-heading" className="mb-4 text-2xl font-bold">
        What partners wrote
      </h2>
      {notes.length === 0 ? (
        <p>No notes to show.</p>
      ) : (
        <p className="max-w-3xl">
          {`${intro(viewer)} ${notes.length === 1 ? "There is 1 note" : `There are ${notes.length} notes`} on ${questions === 1 ? "1 question" : `${questions} questions`}. `}
          <Link href={href}>Read what partners wrote</Link>
        </p>
      )}
    </section>
  );
}

/** Partners' evidence notes, never attributed, grouped by question: the notes page. */
export function NotesList({ notes, viewer }: { notes: Notes; viewer: Viewer }) {
  const grouped = byQuestion(notes);
  return (
    <>
      <h1 className="mb-6 text-4xl font-bold">What partners wrote</h1>
      <p className="mb-6 max-w-3xl">{intro(viewer)}</p>
      {grouped.size === 0 ? (
        <p>No notes to show.</p>
      ) : (
        <dl className="max-w-3xl space-y-4">
          {[...grouped].map(([key, texts]) => (
            <div key={key}>
              <dt className="font-bold">{questionText(key)}</dt>
              {texts.map((text, i) => (
                // Two partners may write the same words: the position tells them apart.
                // biome-ignore lint/suspicious/noArrayIndexKey: notes have no id and never reorder
                <dd key={i} className="mt-1 border-l-4 border-gray-300 pl-4">
                  {text}
                </dd>
              ))}
            </div>
          ))}
        </dl>
      )}
    </>
  );
}
