"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { createFormAction, type ActionResult } from "@/lib/safe-action";
import { localePath } from "@/lib/i18n/routing";
import { addMyContract, removeMyContract } from "@/lib/bills/service";
import { nameText, text } from "@/lib/text/input";

type State = ActionResult<unknown> | null;

const add = createFormAction({
  schema: z.object({
    biller: text({ error: "Bills.errors.billerRequired" }).min(1, "Bills.errors.billerRequired"),
    contract: text().default(""),
    key: text().optional(),
    label: nameText().default(""),
  }),
  access: ["citizen"],
  run: async ({ input, actor, locale }) => {
    await addMyContract({ userId: actor.userId, biller: input.biller, contract: input.contract, key: input.key ?? null, label: input.label });
    return { href: `${localePath(locale, "/bills")}?saved=1` };
  },
});

export async function addContractAction(prev: State, form: FormData): Promise<State> {
  const r = await add(prev as never, form);
  if (r.ok) redirect(r.data.href);
  return r;
}

const remove = createFormAction({
  schema: z.object({ contractId: z.uuid() }),
  access: ["citizen"],
  run: async ({ input, actor, locale }) => {
    await removeMyContract({ userId: actor.userId, contractId: input.contractId });
    return { href: `${localePath(locale, "/bills")}?removed=1` };
  },
});

export async function removeContractAction(prev: State, form: FormData): Promise<State> {
  const r = await remove(prev as never, form);
  if (r.ok) redirect(r.data.href);
  return r;
}
