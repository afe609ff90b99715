import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/actor";
import { exportPersonalData } from "@/lib/services/personal-data";

/**
 * "Download your data": the signed-in person's own data as a JSON file. Only ever their own: the
 * id comes from the session, never from the request.
 */
export async function GET(): Promise<Response> {
  const user = await currentUser();
  if (!user) redirect("/sign-in?next=/account/data");
  const now = new Date();
  const data = await exportPersonalData(user.id, { now, currentSessionId: user.sessionId });
  if (!data) redirect("/sign-in?next=/account/data");
  return new Response(`${JSON.stringify(data, null, 2)}\n`, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="chainwise-personal-data-${now.toISOString().slice(0, 10)}.json"`,
      // Personal data: never kept by a browser or proxy cache.
      "cache-control": "no-store",
    },
  });
}
