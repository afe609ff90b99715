import type { Metadata } from "next";
import { CreateApiKeyForm, RevokeApiKeyForm } from "@/components/reports/api-key-forms";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { TableHead } from "@/components/ui/table-head";
import { requirePage } from "@/lib/access/pages";
import { env } from "@/lib/env";
import { formatDate } from "@/lib/format";
import { listApiTokens } from "@/lib/services/api-tokens";

export const metadata: Metadata = { title: "API keys" };

/** An administrator's read-only keys for fetching the organisation's reports as JSON. */
export default async function ApiKeysPage() {
  const actor = await requirePage("/account/api-keys", "administerOrganisation");
  const keys = await listApiTokens(actor);
  return (
    <>
      <p className="text-xl text-muted">{actor.organisationName}</p>
      <h1 className="mb-6 text-4xl font-bold">API keys</h1>
      <div className="mb-8 max-w-3xl space-y-4">
        <p>
          A key lets your own tools fetch the reports your organisation can see, as JSON, without signing in.
          It can read, never change anything, and sees exactly what your organisation sees: partners&apos;
          figures only in aggregate.
        </p>
        <p>
          Send it in the <code>Authorization</code> header:{" "}
          <code className="break-all">
            curl -H &quot;Authorization: Bearer cw_…&quot; {env().APP_URL}/api/reports/contracts/&lt;contract
            id&gt;
          </code>
        </p>
      </div>
      <h2 className="mb-4 text-2xl font-bold">Create a key</h2>
      <CreateApiKeyForm />
      <h2 className="mt-8 mb-4 text-2xl font-bold">Your keys</h2>
      {keys.length === 0 ? (
        <p>No keys yet.</p>
      ) : (
        <ScrollRegion label={"API keys"}>
          <table className="w-full max-w-4xl border-collapse text-base">
            <caption className="sr-only">API keys, newest first</caption>
            <TableHead columns={["Name", "Created", "Last used", { label: "Action", hidden: true }]} />
            <tbody>
              {keys.map((key) => (
                <tr key={key.id} className="border-b border-gray-300">
                  <td className="py-2 pr-4">{key.name}</td>
                  <td className="py-2 pr-4">{formatDate(key.createdAt)}</td>
                  <td className="py-2 pr-4">{key.lastUsedAt ? formatDate(key.lastUsedAt) : "Never"}</td>
                  <td className="py-2">
                    {key.revokedAt ? "Revoked" : <RevokeApiKeyForm id={key.id} name={key.name} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}
