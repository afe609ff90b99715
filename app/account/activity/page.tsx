import type { Metadata } from "next";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { TableHead } from "@/components/ui/table-head";
import { requirePage } from "@/lib/access/pages";
import { listAudit } from "@/lib/services/audit";

export const metadata: Metadata = { title: "Activity" };

const dateTime = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: "Europe/London",
});

/** The organisation's log, for its administrators. */
export default async function ActivityPage() {
  const actor = await requirePage("/account/activity", "administerOrganisation");
  const entries = await listAudit(actor);
  return (
    <>
      <p className="text-xl text-muted">{actor.organisationName}</p>
      <h1 className="mb-6 text-4xl font-bold">Activity</h1>
      <p className="mb-6 max-w-3xl">
        Sign-ins, submissions, invitations and changes to members in your organisation. It records that a
        rating was submitted, never what it said. People who delete their account are shown as "a former
        member".
      </p>
      {entries.length === 0 ? (
        <p>Nothing has happened yet.</p>
      ) : (
        <ScrollRegion label={`Activity in ${actor.organisationName}`}>
          <table className="w-full max-w-4xl border-collapse text-base">
            <caption className="sr-only">Activity in {actor.organisationName}, newest first</caption>
            <TableHead columns={["When", "Who", "What"]} />
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} className="border-b border-gray-300 align-top">
                  <td className="py-2 pr-4 whitespace-nowrap">{dateTime.format(e.createdAt)}</td>
                  <td className="py-2 pr-4">{e.person}</td>
                  <td className="py-2">{e.summary}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}
