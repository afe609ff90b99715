"use server";

import { RedirectType, redirect } from "next/navigation";
import type { FormState } from "@/lib/actions/form-state";
import { readForm } from "@/lib/actions/read-form";
import { requireForm } from "@/lib/actions/require-form";
import { runFormAction } from "@/lib/actions/run";
import {
  CONTRACT_FIELDS,
  CYCLE_FIELDS,
  contractSchema,
  cycleSchema,
  memberUpdateSchema,
  PARTNER_FIELDS,
  partnerSchema,
} from "@/lib/contracts/forms";
import { NotFoundError } from "@/lib/errors";
import { addPartner, createContract, openCycle, updatePartner } from "@/lib/services/contract-admin";

const contractIdOf = (form: unknown) => {
  const id = requireForm(form).get("contractId");
  if (typeof id !== "string" || id.length === 0 || id.length > 64) throw new NotFoundError();
  return id;
};

export async function createContractAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(async (actor, keep) => {
    const read = readForm(contractSchema, requireForm(form), CONTRACT_FIELDS);
    if (!read.ok) return read.state;
    keep(read.typed);
    const id = await createContract(actor, read.data);
    redirect(`/contracts/${id}?created=1`, RedirectType.push);
  });
}

export async function addPartnerAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(async (actor, keep) => {
    const contractId = contractIdOf(form);
    const read = readForm(partnerSchema, form, PARTNER_FIELDS);
    if (!read.ok) return read.state;
    keep(read.typed);
    await addPartner(actor, contractId, read.data);
    redirect(
      `/contracts/${contractId}?added=${encodeURIComponent(read.data.name)}#supply-chain`,
      RedirectType.push,
    );
  });
}

export async function updatePartnerAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(async (actor) => {
    const contractId = contractIdOf(form);
    const parsed = memberUpdateSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) throw new NotFoundError();
    await updatePartner(actor, parsed.data.supplyChainMemberId, {
      status: parsed.data.status,
      canRate: parsed.data.canRate,
    });
    redirect(`/contracts/${contractId}?updated=1#supply-chain`, RedirectType.push);
  });
}

export async function openCycleAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(async (actor, keep) => {
    const contractId = contractIdOf(form);
    const read = readForm(cycleSchema, form, CYCLE_FIELDS);
    if (!read.ok) return read.state;
    keep(read.typed);
    // A cycle closes at the end of its closing day.
    const closesAt = new Date(read.data.closesAt.getTime() + 86_400_000 - 1000);
    await openCycle(actor, contractId, {
      name: read.data.cycleName,
      opensAt: read.data.opensAt,
      closesAt,
      frameworkVersion: read.data.frameworkVersion,
    });
    redirect(`/contracts/${contractId}?cycle=1#cycles`, RedirectType.push);
  });
}
