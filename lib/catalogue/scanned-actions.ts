"use server";
import { redirect } from "next/navigation";
import { refresh } from "next/cache";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { missingDocuments } from "@/lib/cases/kinds/document-submission/checklist";
import { documentAdditionFormSchema, documentField, documentSubmissionFormSchema } from "@/lib/cases/kinds/document-submission/schema";
import { addScannedDocuments, keepScannedDraftFiles } from "@/lib/documents/scanned-submissions";
import { getStorage } from "@/lib/documents/uploads/storage";
import { AppError } from "@/lib/errors";
import { localePath } from "@/lib/i18n/routing";
import { nudgeDispatcher } from "@/lib/notifications/runner";
import { resultOfKey } from "@/lib/outbox/idempotency";
import { submitCaseOnce } from "@/lib/outbox/submit";
import { createFormAction } from "@/lib/safe-action";
import { formValue } from "@/lib/text/input";
import { getService } from "./catalogue";
import { scannedSubmissionPayload } from "./scanned";

/**
 * A procedure's documents sent scanned (issue 16). One post keeps the files chosen (each as its
 * document, under the form's key) and, when nothing mandatory is missing, sends: the case and its
 * signed receipt are made together, once per key. With something missing, each missing document
 * is an error on its own field and the checklist shows what is already there.
 */
const asList = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export const submitScannedAction = createFormAction({
  schema: documentSubmissionFormSchema.extend({ removeUpload: formValue.optional() }),
  access: ["citizen"],
  run: async ({ input, actor, locale, ip, files }) => {
    const { db } = await getDb();
    // Sent already (a second press, the back button): show the case it made.
    const sent = await resultOfKey<{ reference: string }>({ db, userId: actor.userId, key: input.draftKey });
    if (sent) redirect(localePath(locale, `/my/cases/${sent.reference}`));
    const service = getService(input.service);
    if (!service?.scans) throw new AppError("notFound", { messageKey: "DocumentSubmission.errors.serviceUnknown" });
    const payload = scannedSubmissionPayload(service, input.municipalityId);
    const at = await now();
    let filed: Awaited<ReturnType<typeof submitCaseOnce>>;
    try {
      const held = await keepScannedDraftFiles({ db, storage: getStorage(), userId: actor.userId, draftKey: input.draftKey, documents: payload.documents, files, remove: asList(input.removeUpload), now: at });
      const missing = missingDocuments(payload.documents, held);
      if (missing.length) throw new AppError("validation", { fields: Object.fromEntries(missing.map((d) => [documentField(d.id), "DocumentSubmission.errors.missing"])) });
      // Sent, or refused by the engine (which municipality? asked on its field): nothing kept is lost.
      filed = await submitCaseOnce({ db, actor, key: input.draftKey, kind: "document-submission", payload, locale, now: at, ip, composed: true });
    } catch (error) {
      // What was kept before the refusal is on the page's checklist: the page is drawn again.
      refresh();
      throw error;
    }
    const { result, replayed } = filed;
    if (!replayed) nudgeDispatcher();
    redirect(`${localePath(locale, `/my/cases/${result.reference}`)}?sent=1`);
  },
});

/** The document(s) staff asked for, added on the case page: stored with the addition's own receipt. */
export const addScannedDocumentsAction = createFormAction({
  schema: documentAdditionFormSchema,
  access: ["citizen"],
  run: async ({ input, actor, locale, ip, files }) => {
    await addScannedDocuments({ storage: getStorage(), actor, reference: input.reference, files, now: await now(), ip });
    nudgeDispatcher();
    redirect(`${localePath(locale, `/my/cases/${encodeURIComponent(input.reference)}`)}?added=1`);
  },
});
