import { type Programme, WHO_SEES_HEADING, whoSeesYourAnswers } from "@/lib/questionnaire/who-sees";

/** The partner's "Who will see your answers", as every partner-facing page shows it. */
export function WhoSeesSection({
  programme,
  headingLevel = 2,
  headingClass = "pt-4 text-2xl font-bold",
}: {
  programme: Programme;
  headingLevel?: 2 | 3;
  headingClass?: string;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby="who-sees-heading" className="max-w-3xl space-y-4">
      <Heading id="who-sees-heading" className={headingClass}>
        {WHO_SEES_HEADING}
      </Heading>
      {whoSeesYourAnswers(programme).map((p) => (
        <p key={p.text}>
          {p.lead ? <strong>{p.lead}</strong> : null}
          {p.lead ? " " : null}
          {p.text}
        </p>
      ))}
    </section>
  );
}
