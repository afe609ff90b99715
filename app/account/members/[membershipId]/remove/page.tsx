import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RemoveMemberForm } from "@/components/members/remove-member-form";
import { requirePage } from "@/lib/access/pages";
import { NotFoundError } from "@/lib/errors";
import { getMember, type Member } from "@/lib/services/members";

export const metadata: Metadata = { title: "Remove a member" };

export default async function RemoveMemberPage({ params }: { params: Promise<{ membershipId: string }> }) {
  const { membershipId } = await params;
  const actor = await requirePage(`/account/members/${membershipId}/remove`, "administerOrganisation");
  // Another organisation's member is "not found", like one that does not exist.
  let member: Member;
  try {
    member = await getMember(actor, membershipId);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }

  return (
    <div className="max-w-3xl">
      <p className="text-xl text-muted">{actor.organisationName}</p>
      <h1 className="mb-6 text-4xl font-bold">
        Remove {member.isYou ? "yourself" : member.name} from {actor.organisationName}?
      </h1>
      <ul className="mb-8 list-disc space-y-1 pl-6">
        <li>
          {member.isYou ? "You" : "They"} will no longer be able to act for {actor.organisationName} or see
          its ratings.
        </li>
        <li>
          {member.isYou ? "Your" : "Their"} account stays, with any other organisations{" "}
          {member.isYou ? "you belong" : "they belong"} to.
        </li>
        <li>Ratings and self-assessments stay with {actor.organisationName}: they always belonged to it.</li>
      </ul>
      <RemoveMemberForm membershipId={member.membershipId} name={member.isYou ? "yourself" : member.name} />
      <p>
        <Link href="/account/members">Keep {member.isYou ? "yourself" : member.name} as a member</Link>
      </p>
    </div>
  );
}
