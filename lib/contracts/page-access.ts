import "server-only";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { currentActor } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/types";

/** For commissioner pages: sign in first; anyone else gets "not found", not a hint the page exists. */
export async function requireCommissionerPage(returnTo: string): Promise<Actor> {
  await connection();
  const actor = await currentActor();
  if (!actor) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  if (actor.organisationType !== "COMMISSIONER") notFound();
  return actor;
}

/** For pages any organisation may see part of: sign in first; the data layer decides the rest. */
export async function requireActorPage(returnTo: string): Promise<Actor> {
  await connection();
  const actor = await currentActor();
  if (!actor) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return actor;
}
