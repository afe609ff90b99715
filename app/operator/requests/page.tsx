import type { Metadata } from "next";
import { AccountDecisionForm } from "@/components/operator/account-decision-form";
import { Tag } from "@/components/ui/tag";
import { requireOperatorPage } from "@/lib/access/pages";
import { formatDate } from "@/lib/format";
import { listAccountRequests } from "@/lib/services/account-requests";

export const metadata: Metadata = { title: "Account requests", robots: { index: false, follow: false } };

/** For operators only (whoever runs the service): councils' requests for a commissioner account. */
export default async function AccountRequestsPage({
  searchParams,
}: {
  searchParams: Promise<{ approved?: string; declined?: string }>;
}) {
  const user = await requireOperatorPage("/operator/requests");
  const { approved, declined } = await searchParams;
  const requests = await listAccountRequests(user.id);
  const pending = requests.filter((r) => r.status === "PENDING");
  const decided = requests.filter((r) => r.status !== "PENDING");

  return (
    <>
      {approved || declined ? (
        <div role="status" className="mb-8 max-w-3xl border-4 border-success p-4">
          {approved
            ? "Approved: the organisation exists, and its administrator has been emailed a link to choose a password."
            : "Declined: the person who asked has been told by email."}
        </div>
      ) : null}
      <h1 className="mb-6 text-4xl font-bold">Account requests</h1>
      <p className="mb-8 max-w-3xl">
        Councils and other public bodies ask here for a commissioner account. Before you approve one, check
        that the person works there (their email address, a phone call to the organisation). Approving makes
        the organisation with them as its administrator.
      </p>
      <h2 className="mb-4 text-2xl font-bold">Waiting</h2>
      {pending.length === 0 ? (
        <p className="mb-8">No requests are waiting.</p>
      ) : (
        <ul className="mb-10 max-w-4xl space-y-8">
          {pending.map((request) => (
            <li key={request.id} className="border-l-4 border-brand pl-4">
              <h3 className="text-xl font-bold">{request.organisationName}</h3>
              <dl className="my-3 grid grid-cols-1 sm:grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
                <dt className="font-bold">Asked by</dt>
                <dd>
                  {request.contactName}, {request.jobTitle}
                </dd>
                <dt className="font-bold">Email address</dt>
                <dd className="break-all">{request.email}</dd>
                <dt className="font-bold">Asked on</dt>
                <dd>{formatDate(request.createdAt)}</dd>
                {request.message ? (
                  <>
                    <dt className="font-bold">Message</dt>
                    <dd className="whitespace-pre-line">{request.message}</dd>
                  </>
                ) : null}
              </dl>
              <AccountDecisionForm requestId={request.id} name={request.organisationName} />
            </li>
          ))}
        </ul>
      )}
      <h2 className="mb-4 text-2xl font-bold">Decided</h2>
      {decided.length === 0 ? (
        <p>None yet.</p>
      ) : (
        <ul className="max-w-4xl space-y-2">
          {decided.map((request) => (
            <li key={request.id}>
              <strong>{request.organisationName}</strong> ({request.email}){" "}
              <Tag tone={request.status === "APPROVED" ? "green" : "grey"}>
                {request.status === "APPROVED" ? "Approved" : "Declined"}
              </Tag>{" "}
              {request.decidedAt ? formatDate(request.decidedAt) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
