"use server";

import { redirect } from "next/navigation";
import { createFormAction, type ActionResult } from "@/lib/safe-action";
import { localePath } from "@/lib/i18n/routing";
import { addMyContract, removeMyContract } from "@/lib/bills/service";
import { addContractSchema, removeContractSchema } from "@/lib/bills/forms";

type State = ActionResult<unknown> | null;

const add = createFormAction({
  schema: addContractSchema,
  access: ["citizen"],
  run: async ({ input, actor, locale }) => {
    await addMyContract({ userId: actor.userId, biller: input.biller, contract: input.contract, key: input.key ?? null, label: input.label });
    return { href: `${localePath(locale, "/bills")}?saved=1` };
  },
});

export async function addContractAction(prev: State, form: FormData): Promise<ActionResult<unknown>> {
  const r = await add(prev as never, form);
  if (r.ok) redirect(r.data.href);
  return r;
}

const remove = createFormAction({
  schema: removeContractSchema,
  access: ["citizen"],
  run: async ({ input, actor, locale }) => {
    await removeMyContract({ userId: actor.userId, contractId: input.contractId });
    return { href: `${localePath(locale, "/bills")}?removed=1` };
  },
});

export async function removeContractAction(prev: State, form: FormData): Promise<ActionResult<unknown>> {
  const r = await remove(prev as never, form);
  if (r.ok) redirect(r.data.href);
  return r;
}
