import { LEVEL_LABEL, LEVEL_RULE, LEVEL_STEPS, LEVELS } from "@/lib/scoring/levels";

/** The published level rule (lib/scoring/levels.ts), printed from the same constants the rule uses. */
export function LevelsRule() {
  return (
    <section aria-labelledby="levels" className="max-w-3xl">
      <h2 id="levels" className="mt-10 mb-4 text-3xl font-bold">
        Levels
      </h2>
      <p className="mb-4">
        Once the commissioner has checked a prime&apos;s self-assessment against its evidence, each cycle
        gives the prime one of three levels: {LEVELS.map((l) => `‘${LEVEL_LABEL[l]}’`).join(", ")}. Rule
        version {LEVEL_RULE.version}; the minimum for a principle is <strong>{LEVEL_RULE.meets}</strong> to
        meet the code and <strong>{LEVEL_RULE.conditions}</strong> to meet it with conditions.
      </p>
      <ol className="list-decimal space-y-3 pl-6">
        {LEVEL_STEPS.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
    </section>
  );
}
