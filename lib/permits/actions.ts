"use server";
import { redirect } from "next/navigation";
import { now } from "@/lib/clock";
import { getStorage } from "@/lib/documents/uploads/storage";
import { localePath } from "@/lib/i18n/routing";
import { nudgeDispatcher } from "@/lib/notifications/runner";
import { createFormAction } from "@/lib/safe-action";
import { recordCommission, recordOpinion } from "./commission";
import { addPermitDocuments, createPermitDraft, saveArchitect, saveSectionFiles, sendPermitDraft } from "./drafts";
import { architectFormSchema, commissionFormSchema, documentsFormSchema, opinionFormSchema, permitAdditionSchema, sendPermitSchema, startPermitSchema } from "./forms";

/**
 * The building-permit forms (issue 17). Each section's form saves on the server and goes back to
 * the task list, which shows the section's new status; the check page sends.
 */
const asList = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const taskList = (locale: string, draft: string, saved: string) => `${localePath(locale as never, `/permits/${draft}`)}?saved=${saved}`;

export const startPermitAction = createFormAction({
  schema: startPermitSchema,
  access: ["citizen"],
  run: async ({ actor, locale }) => {
    const id = await createPermitDraft({ userId: actor.userId, now: await now() });
    redirect(localePath(locale, `/permits/${id}`));
  },
});

export const saveArchitectAction = createFormAction({
  schema: architectFormSchema,
  access: ["citizen"],
  run: async ({ input, actor, locale, files }) => {
    const at = await now();
    await saveArchitect({ userId: actor.userId, draftId: input.draft, architect: { name: input.architectName, registration: input.registration }, now: at });
    await saveSectionFiles({ userId: actor.userId, draftId: input.draft, section: "architect", files, remove: [], storage: getStorage(), now: at });
    redirect(taskList(locale, input.draft, "architect"));
  },
});

export const saveDocumentsAction = createFormAction({
  schema: documentsFormSchema,
  access: ["citizen"],
  run: async ({ input, actor, locale, files }) => {
    await saveSectionFiles({ userId: actor.userId, draftId: input.draft, section: input.section, files, remove: asList(input.removeUpload), storage: getStorage(), now: await now() });
    redirect(taskList(locale, input.draft, input.section));
  },
});

export const sendPermitAction = createFormAction({
  schema: sendPermitSchema,
  access: ["citizen"],
  run: async ({ input, actor, locale, ip }) => {
    const reference = await sendPermitDraft({ actor, draftId: input.draft, storage: getStorage(), locale, now: await now(), ip });
    nudgeDispatcher();
    redirect(`${localePath(locale, `/my/cases/${reference}`)}?sent=1`);
  },
});

export const addPermitDocumentsAction = createFormAction({
  schema: permitAdditionSchema,
  access: ["citizen"],
  run: async ({ input, actor, locale, ip, files }) => {
    await addPermitDocuments({ storage: getStorage(), actor, reference: input.reference, files, now: await now(), ip });
    nudgeDispatcher();
    redirect(`${localePath(locale, `/my/cases/${encodeURIComponent(input.reference)}`)}?added=1`);
  },
});

export const commissionAction = createFormAction({
  schema: commissionFormSchema,
  access: ["agent", "official", "admin"],
  // Audited in the transaction that records it (lib/permits/commission.ts).
  audit: false,
  run: async ({ input, actor, locale, ip }) => {
    await recordCommission({ actor, reference: input.reference, meetsAt: input.meetsAt, members: input.members, now: await now(), ip });
    redirect(`${localePath(locale, `/staff/cases/${encodeURIComponent(input.reference)}`)}?done=commission`);
  },
});

export const opinionAction = createFormAction({
  schema: opinionFormSchema,
  access: ["agent", "official", "admin"],
  audit: false,
  run: async ({ input, actor, locale, ip }) => {
    await recordOpinion({ actor, reference: input.reference, commissionId: input.commission, opinion: input.opinion, remarks: input.remarks ?? "", now: await now(), ip });
    redirect(`${localePath(locale, `/staff/cases/${encodeURIComponent(input.reference)}`)}?done=opinion`);
  },
});
