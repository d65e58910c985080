"use server";
import { redirect } from "next/navigation";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { placeAccountInMunicipality, placeCaseInMunicipality } from "@/lib/cases/engine";
import { localePath } from "@/lib/i18n/routing";
import { createFormAction } from "@/lib/safe-action";
import { placeAccountSchema, placeCaseSchema } from "./forms";

/** The admin's placement page (staff/admin/municipalities): each move audited in its own transaction. */
const back = (locale: string, done: string) => redirect(`${localePath(locale as never, "/staff/admin/municipalities")}?done=${done}`);

export const placeCaseAction = createFormAction({
  schema: placeCaseSchema,
  access: ["admin"],
  audit: false, // placeCaseInMunicipality audits in the transaction of the move
  run: async ({ input, actor, locale, ip }) => {
    const { db } = await getDb();
    await placeCaseInMunicipality({ db, actor, reference: input.reference, municipalityId: input.municipalityId, now: await now(), ip });
    return back(locale, "case");
  },
});

export const placeAccountAction = createFormAction({
  schema: placeAccountSchema,
  access: ["admin"],
  audit: false, // placeAccountInMunicipality audits in its transaction
  run: async ({ input, actor, locale, ip }) => {
    const { db } = await getDb();
    await placeAccountInMunicipality({ db, actor, userId: input.userId, municipalityId: input.municipalityId, ip });
    return back(locale, "account");
  },
});
