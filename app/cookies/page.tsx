import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { TableHead } from "@/components/ui/table-head";
import { env } from "@/lib/env";
import { essentialCookies } from "@/lib/privacy/cookies";

export const metadata: Metadata = { title: "Cookies" };

export default async function CookiesPage() {
  await connection();
  const cookies = essentialCookies({ appUrl: env().APP_URL, demoMode: env().DEMO_MODE === "on" });
  return (
    <div className="max-w-3xl">
      <h1 className="mb-6 text-4xl font-bold">Cookies</h1>
      <p className="mb-4 text-xl">
        Chainwise uses only the cookies it needs to work. There are no analytics, advertising or other
        third-party cookies, and our pages load nothing from other websites, so there is nothing to accept or
        refuse.
      </p>
      <p className="mb-8">
        Essential cookies do not need your consent. They hold no details about you, only random references:
        see the <Link href="/privacy">privacy notice</Link> for what we keep and why.
      </p>
      <ScrollRegion label={"Essential cookies"}>
        <table className="w-full border-collapse text-base">
          <caption className="mb-2 text-left text-2xl font-bold">Essential cookies</caption>
          <TableHead columns={["Name", "What it is for", "When it is set", "How long it lasts"]} />
          <tbody>
            {cookies.map((cookie) => (
              <tr key={cookie.name} className="border-b border-gray-300 align-top">
                <th scope="row" className="py-2 pr-4 text-left font-mono font-normal break-all">
                  {cookie.name}
                </th>
                <td className="py-2 pr-4">{cookie.purpose}</td>
                <td className="py-2 pr-4">{cookie.setWhen}</td>
                <td className="py-2">{cookie.lifetime}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
