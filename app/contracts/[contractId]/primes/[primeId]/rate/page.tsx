import type { Metadata } from "next";
import { StartPage } from "@/components/questionnaire/start-page";

export const metadata: Metadata = { title: "Rate your prime" };

export default async function RatePage({
  params,
}: {
  params: Promise<{ contractId: string; primeId: string }>;
}) {
  const { contractId, primeId } = await params;
  return <StartPage contractId={contractId} primeId={primeId} perspective="subcontractor" />;
}
