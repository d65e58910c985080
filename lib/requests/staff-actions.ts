"use server";
import { redirect } from "next/navigation";
import { staffRoles } from "@/lib/auth/roles";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { adjustDeadline, redirectCase, transitionCase } from "@/lib/cases/engine";
import { localePath } from "@/lib/i18n/routing";
import { createFormAction } from "@/lib/safe-action";
import { moderateReport, moderateReportPhoto } from "./reports";
import { moderateReportPhotoSchema, moderateReportSchema, staffDataTransitionSchema, staffExtendSchema, staffRedirectSchema } from "./forms";

/**
 * Staff actions of the requests kinds beyond the generic ones of the case page: a change of
 * status that carries facts (a refusal reason, an e-people reference), a redirection to another
 * body, the +10-day extension, moderation of a public report. The engine (and reports.ts)
 * check rights, machines and guards and audit in the same transaction.
 */
const back = (locale: string, ref: string, done: string) => redirect(`${localePath(locale as never, `/staff/cases/${ref}`)}?done=${done}`);

export const staffDataTransitionAction = createFormAction({
  schema: staffDataTransitionSchema,
  access: staffRoles,
  audit: false, // the engine audits in the transaction of the change
  run: async ({ input, actor, locale, ip }) => {
    const { db } = await getDb();
    const data = input.to === "refused" ? { reason: input.reason } : { epeopleReference: input.epeopleReference };
    const updated = await transitionCase({ db, case: { reference: input.reference }, to: input.to, actor: actor, message: input.message, data, now: await now(), ip });
    return back(locale, updated.reference, "status");
  },
});

export const staffRedirectAction = createFormAction({
  schema: staffRedirectSchema,
  access: staffRoles,
  audit: false, // the engine audits in the transaction of the change
  run: async ({ input, actor, locale, ip }) => {
    const { db } = await getDb();
    await redirectCase({ db, case: { reference: input.reference }, actor: actor, toBodyId: input.toBodyId, message: input.message, now: await now(), ip });
    // The case has left this body's queue: back to the queue.
    redirect(`${localePath(locale, "/staff")}?done=redirected`);
  },
});

export const staffExtendAction = createFormAction({
  schema: staffExtendSchema,
  access: staffRoles,
  audit: false, // the engine audits in the transaction of the change
  run: async ({ input, actor, locale, ip }) => {
    const { db } = await getDb();
    const updated = await adjustDeadline({ db, case: { reference: input.reference }, actor: actor, adjustment: "extension", message: input.message, now: await now(), ip });
    return back(locale, updated.reference, "status");
  },
});

export const moderateReportAction = createFormAction({
  schema: moderateReportSchema,
  access: staffRoles,
  audit: false, // the engine audits in the transaction of the change
  run: async ({ input, actor, locale, ip }) => {
    const { db } = await getDb();
    const decision = input.action === "hide" ? { action: "hide" as const, reason: input.reason, abusive: input.abusive === "true" } : { action: input.action };
    await moderateReport({ db, reference: input.reference, actor: actor, decision, now: await now(), ip });
    return back(locale, input.reference, "status");
  },
});

export const moderateReportPhotoAction = createFormAction({
  schema: moderateReportPhotoSchema,
  access: staffRoles,
  audit: false, // the engine audits in the transaction of the change
  run: async ({ input, actor, locale, ip }) => {
    const { db } = await getDb();
    const decision = input.action === "hide" ? { action: "hide" as const, reason: input.reason } : { action: "approve" as const };
    await moderateReportPhoto({ db, reference: input.reference, uploadId: input.uploadId, actor: actor, decision, now: await now(), ip });
    return back(locale, input.reference, "status");
  },
});
