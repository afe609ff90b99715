import { connection } from "next/server";
import { currentActor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { readEvidence } from "@/lib/services/evidence";

/**
 * An evidence file, to the prime's members and its commissioner (the service decides). Always a
 * download, never shown in the page: the type is the one judged from the content at upload, the
 * browser may not guess another, and a sandbox policy stops anything in it running on our origin.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ fileId: string }> }) {
  await connection();
  const actor = await currentActor();
  if (!actor) return new Response("Sign in to download evidence.", { status: 401 });
  try {
    const file = await readEvidence(actor, (await params).fileId);
    const ascii = file.fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
    return new Response(Buffer.from(file.bytes), {
      headers: {
        "Content-Type": file.mediaType,
        "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "Content-Security-Policy": "sandbox; default-src 'none'",
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response("Not found.", { status: 404 });
    throw error;
  }
}
