import Link from "next/link";
import { versionLabel } from "@/lib/questionnaire/version-label";
import type { SelfAssessmentVersions } from "@/lib/services/self-assessment-versions";

/**
 * Which version of the prime's self-assessment a report compares with partners' figures, and any
 * version made after the release, which it does not (docs/decisions/0029).
 */
export function SelfAssessmentUsed({ versions, releasedOn, reportedId }: SelfAssessmentVersions) {
  const reported = versions.find((v) => v.id === reportedId);
  if (!reported) return null;
  const later = versions.filter((v) => v.afterRelease && v.submittedAt !== null);
  const names = { releasedOn, reportedId };
  return (
    <p className="mb-8 max-w-3xl">
      Self-assessment in this report:{" "}
      <Link href={`/self-assessments/${reported.id}`}>{versionLabel(reported, names)}</Link>.
      {later.map((v) => (
        <span key={v.id}>
          {" "}
          Not used here: <Link href={`/self-assessments/${v.id}`}>{versionLabel(v, names)}</Link>.
        </span>
      ))}
    </p>
  );
}
