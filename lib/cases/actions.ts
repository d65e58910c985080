"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { staffRoles } from "@/lib/auth/roles";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { localePath } from "@/lib/i18n/routing";
import { createFormAction } from "@/lib/safe-action";
import { nudgeDispatcher } from "@/lib/notifications/runner";
import { getStorage } from "@/lib/documents/uploads/storage";
import { inspectFiles, withStaffFiles } from "./attachments";
import { addCaseMessage, assignCase, transitionCase } from "./engine";
import { caseReference, citizenMessageSchema, staffMessageSchema, staffTransitionSchema } from "./forms";

/**
 * Server actions of the case pages. The engine checks the kind's machine and the actor's right
 * on the case, and audits staff actions in the same transaction as the change. Each success
 * redirects back to the case (post/redirect/get: a reload never sends twice).
 */
export const staffMessageAction = createFormAction({
  schema: staffMessageSchema,
  access: staffRoles,
  audit: false, // the engine audits in the transaction of the change
  run: async ({ input, actor, locale, ip, files }) => {
    const { db } = await getDb();
    const checked = await inspectFiles(files.attachments ?? []);
    const at = await now();
    const updated = await withStaffFiles({ storage: getStorage(), staffId: actor.userId, files: checked, visibility: input.type === "reply" ? "public" : "internal", now: at }, (withinTx) =>
      addCaseMessage({ db, case: { reference: input.reference }, actor: actor, type: input.type, message: input.message, now: at, ip, withinTx }),
    );
    nudgeDispatcher();
    redirect(`${localePath(locale, `/staff/cases/${updated.reference}`)}?done=${input.type}`);
  },
});

export const staffTransitionAction = createFormAction({
  schema: staffTransitionSchema,
  access: staffRoles,
  audit: false, // the engine audits in the transaction of the change
  run: async ({ input, actor, locale, ip, files }) => {
    const { db } = await getDb();
    const checked = await inspectFiles(files.attachments ?? []);
    const at = await now();
    // The answer and its files go out together or not at all.
    const updated = await withStaffFiles({ storage: getStorage(), staffId: actor.userId, files: checked, visibility: "public", now: at }, (withinTx) =>
      transitionCase({ db, case: { reference: input.reference }, to: input.to, actor: actor, message: input.message, now: at, ip, withinTx }),
    );
    nudgeDispatcher();
    redirect(`${localePath(locale, `/staff/cases/${updated.reference}`)}?done=status`);
  },
});

export const citizenMessageAction = createFormAction({
  schema: citizenMessageSchema,
  access: ["citizen"],
  run: async ({ input, actor, locale }) => {
    const { db } = await getDb();
    const updated = await addCaseMessage({ db, case: { reference: input.reference }, actor: actor, type: "citizenMessage", message: input.message, now: await now() });
    nudgeDispatcher();
    redirect(`${localePath(locale, `/my/cases/${updated.reference}`)}?done=message`);
  },
});

export const assignAction = createFormAction({
  schema: z.object({ reference: caseReference, release: z.enum(["true"]).optional(), back: z.enum(["queue", "case"]).optional() }),
  access: staffRoles,
  audit: false, // the engine audits in the transaction of the change
  run: async ({ input, actor, locale, ip }) => {
    const { db } = await getDb();
    const updated = await assignCase({ db, case: { reference: input.reference }, actor: actor, release: input.release === "true", now: await now(), ip });
    redirect(input.back === "queue" ? `${localePath(locale, "/staff")}?mine=1` : `${localePath(locale, `/staff/cases/${updated.reference}`)}?done=assigned`);
  },
});

/** The queue's "assign to me" button: a plain form post (a refusal leaves the queue as it was). */
export async function assignFromQueue(form: FormData): Promise<void> {
  await assignAction(null, form);
}
