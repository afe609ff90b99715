import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { currentActor } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { framework, type Perspective, questionsFor } from "@/lib/framework";
import { startPath } from "@/lib/questionnaire/start-path";
import { whoReadsNotes } from "@/lib/questionnaire/who-sees";
import { getStartContext } from "@/lib/services/assessments";
import { StartForm } from "./start-form";
import { WhoSeesSection } from "./who-sees-section";

/** The GOV.UK start page: what it asks, how long it takes, and who will see what. */
export async function StartPage({
  contractId,
  primeId,
  perspective,
}: {
  contractId: string;
  primeId: string;
  perspective: Perspective;
}) {
  await connection();
  const actor = await currentActor();
  if (!actor)
    redirect(`/sign-in?next=${encodeURIComponent(startPath({ contractId, primeId, perspective }))}`);
  let context: Awaited<ReturnType<typeof getStartContext>>;
  try {
    context = await getStartContext(actor, { contractId, primeId, perspective });
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ForbiddenError) notFound();
    throw error;
  }
  const count = questionsFor(framework, perspective).length;
  const minutes = Math.round((count * 30) / 60 / 5) * 5;
  const partner = perspective === "subcontractor";
  const existing = context.existing;

  return (
    <>
      <p className="text-xl text-muted">{context.contract.title}</p>
      <h1 className="mb-6 text-4xl font-bold">
        {partner
          ? `Rate how ${context.prime.name} treats its partners`
          : "Assess how you treat your supply chain"}
      </h1>
      <div className="max-w-3xl space-y-4">
        <p>
          {partner
            ? `Tell us how ${context.prime.name} works with you on this contract, against the five principles of the NCVO and Serco code of practice:`
            : "Assess your own practice on this contract against the five principles of the NCVO and Serco code of practice:"}
        </p>
        <ul className="list-disc space-y-1 pl-6">
          {framework.principles.map((p) => (
            <li key={p.key}>{p.title}</li>
          ))}
        </ul>
        <p>
          There are {count} questions, one principle per page. It takes about {minutes} minutes. You can save
          your answers and come back later. Each question has a ‘Don’t know’ and a ‘Not applicable’ answer
          where that makes sense.
        </p>
        {partner ? (
          <>
            <WhoSeesSection programme={context.programme} />
            <p>
              {whoReadsNotes(context.programme)} Your organisation's name is kept only to make sure each
              partner answers once.
            </p>
          </>
        ) : (
          <>
            <h2 className="pt-4 text-2xl font-bold">Who will see your answers</h2>
            <p>
              The commissioner will see your answers beside your partners' combined answers, so that what you
              report can be compared with what they say. Your partners will not see your individual answers.
            </p>
          </>
        )}
        {context.cycle ? (
          <p>
            This is the {context.cycle.name} cycle. It closes on {formatDate(context.cycle.closesAt)}.
          </p>
        ) : null}
      </div>
      <div className="mt-8">
        {!context.cycle ? (
          <p className="font-bold">No rating cycle is open for this contract at the moment.</p>
        ) : existing ? (
          <Link href={`/assessments/${existing.id}`} className="text-xl font-bold">
            {existing.status === "SUBMITTED" ? "See what you submitted" : "Continue where you left off"}
          </Link>
        ) : (
          <StartForm contractId={contractId} primeId={primeId} perspective={perspective} label="Start now" />
        )}
      </div>
    </>
  );
}
