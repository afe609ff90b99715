import "server-only";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { currentActor, currentUser } from "@/lib/auth/actor";
import type { Actor, SignedInUser } from "@/lib/auth/types";
import { isOperator } from "@/lib/services/operators";
import { type Capability, can } from "./capabilities";

/**
 * The doors of pages: sign in first, then the capability the page is for (capabilities.ts). Anyone
 * without it gets "not found", not a hint the page exists. What the page then shows is the data
 * layer's to decide, by the same rules.
 */

/** For pages any organisation may see part of. */
export async function requireActorPage(returnTo: string): Promise<Actor> {
  await connection();
  const actor = await currentActor();
  if (!actor) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return actor;
}

/** For pages only an actor with `capability` may open. */
export async function requirePage(returnTo: string, capability: Capability): Promise<Actor> {
  const actor = await requireActorPage(returnTo);
  if (!can(actor, capability)) notFound();
  return actor;
}

/** For the operators' pages: people who run the service, whichever organisation they act for. */
export async function requireOperatorPage(returnTo: string): Promise<SignedInUser> {
  await connection();
  const user = await currentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  if (!(await isOperator(user.id))) notFound();
  return user;
}
