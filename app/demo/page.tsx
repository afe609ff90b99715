import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { DemoChooser } from "@/components/demo-chooser";
import { env } from "@/lib/env";
import { listDemoOrganisations } from "@/lib/services/organisations";

export const metadata: Metadata = { title: "Try the demo" };

const LABELS = {
  COMMISSIONER: "Commissioners",
  PRIME: "Prime contractors",
  SUBCONTRACTOR: "Partners (subcontractors)",
};

export default async function DemoPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  await connection();
  if (env().DEMO_MODE !== "on") notFound();
  const { next } = await searchParams;
  const organisations = await listDemoOrganisations();
  const groups = (["SUBCONTRACTOR", "PRIME", "COMMISSIONER"] as const).map((type) => ({
    label: LABELS[type],
    organisations: organisations.filter((o) => o.type === type),
  }));
  return (
    <>
      <h1 className="mb-4 text-4xl font-bold">Try Chainwise with the demo organisations</h1>
      <p className="mb-8 max-w-3xl">
        You can act for any of the demo organisations below without an account. Everything here is invented,
        and the demo is switched off wherever Chainwise is used for real.
      </p>
      <DemoChooser groups={groups.filter((g) => g.organisations.length > 0)} next={next} />
    </>
  );
}
