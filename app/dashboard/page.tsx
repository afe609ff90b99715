import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { Tag } from "@/components/ui/tag";
import { currentActor } from "@/lib/auth/actor";
import { formatDate } from "@/lib/format";
import { startPath } from "@/lib/questionnaire/start-path";
import { listTasks } from "@/lib/services/tasks";

export const metadata: Metadata = { title: "Your dashboard" };

export default async function DashboardPage() {
  await connection();
  const actor = await currentActor();
  if (!actor) redirect("/sign-in?next=/dashboard");
  const tasks = await listTasks(actor);

  return (
    <>
      <p className="text-xl text-muted">{actor.organisationName}</p>
      <h1 className="mb-6 text-4xl font-bold">Your dashboard</h1>
      {actor.organisationType === "COMMISSIONER" ? (
        <p className="max-w-3xl">
          <Link href="/contracts" className="text-xl font-bold">
            Your contracts
          </Link>
          : supply chains, rating cycles and invitations. Reports that compare primes are coming next.
        </p>
      ) : tasks.length === 0 ? (
        <p>There is nothing for you to answer at the moment.</p>
      ) : (
        <>
          <h2 className="mb-4 text-2xl font-bold">
            {actor.organisationType === "PRIME" ? "Self-assessments" : "Rate your primes"}
          </h2>
          <ul className="max-w-3xl space-y-4" aria-label="Assessments to answer">
            {tasks.map((task) => (
              <li key={`${task.contractId}-${task.primeId}`} className="border-l-4 border-brand pl-4">
                <h3 className="text-xl font-bold">
                  <Link href={startPath(task)}>
                    {task.perspective === "prime"
                      ? `Self-assessment: ${task.contractTitle}`
                      : `Rate ${task.primeName}`}
                  </Link>
                </h3>
                <p>
                  {task.perspective === "prime" ? (task.lot ? `Lot: ${task.lot}` : "") : task.contractTitle}
                </p>
                <p>
                  {task.cycle
                    ? `${task.cycle.name} cycle, closes ${formatDate(task.cycle.closesAt)}`
                    : "No rating cycle is open"}{" "}
                  <Tag
                    tone={
                      task.assessment?.status === "submitted" ? "green" : task.assessment ? "blue" : "grey"
                    }
                  >
                    {task.assessment?.status === "submitted"
                      ? "Submitted"
                      : task.assessment
                        ? "In progress"
                        : "Not started"}
                  </Tag>
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
