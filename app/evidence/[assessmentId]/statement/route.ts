import { connection } from "next/server";
import { currentActor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { levelStatementPdf } from "@/lib/evidence/level-statement";
import { getLevel } from "@/lib/services/levels";

/** The dated statement of a self-assessment's confirmed level, as a PDF: its prime and commissioner only. */
export async function GET(_request: Request, { params }: { params: Promise<{ assessmentId: string }> }) {
  await connection();
  const actor = await currentActor();
  if (!actor) return new Response("Sign in to download the statement.", { status: 401 });
  try {
    const view = await getLevel(actor, (await params).assessmentId);
    if (!view.confirmed) throw new NotFoundError();
    const issuedAt = new Date();
    const pdf = await levelStatementPdf({ ...view, confirmed: view.confirmed, issuedAt });
    const slug = `${view.primeName}-${view.cycleName}`.replace(/[^A-Za-z0-9]+/g, "-").toLowerCase();
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="level-statement-${slug}-${issuedAt.toISOString().slice(0, 10)}.pdf"`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response("Not found.", { status: 404 });
    throw error;
  }
}
