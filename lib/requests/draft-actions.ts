"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { getStorage } from "@/lib/documents/uploads/storage";
import { AppError } from "@/lib/errors";
import { localePath } from "@/lib/i18n/routing";
import { nudgeDispatcher } from "@/lib/notifications/runner";
import { IDEMPOTENCY_KEY, resultOfKey } from "@/lib/outbox/idempotency";
import { submitCaseOnce } from "@/lib/outbox/submit";
import { createFormAction } from "@/lib/safe-action";
import { receiveFormFiles } from "@/lib/documents/uploads/form-files";
import { loadDraft, saveDraft } from "./drafts";
import { text, formValue } from "@/lib/text/input";

/**
 * The two steps after a requests form: "continue" checks the answers (and stores the files) and
 * shows them on the check page; "send" files the case from those answers, once per key, and
 * shows the confirmation. Both work as plain form posts.
 */
const key = z.string().regex(IDEMPOTENCY_KEY, "Outbox.errors.badKey");
const list = formValue.optional();
const asList = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export const reviewRequestAction = createFormAction({
  schema: z
    .object({ idempotencyKey: key, kind: text().min(1).max(60), formPath: text().max(400), removeUpload: list })
    .catchall(formValue),
  access: ["citizen"],
  run: async ({ input: { idempotencyKey, kind, formPath, removeUpload, ...values }, actor, locale, files }) => {
    const { db } = await getDb();
    const at = await now();
    const draft = await saveDraft({ db, userId: actor.userId, key: idempotencyKey, kind, values: values as Record<string, string | string[]>, formPath, now: at });
    await receiveFormFiles({ db, storage: getStorage(), userId: actor.userId, key: draft.key, files: files.attachments ?? [], remove: asList(removeUpload), now: at });
    redirect(localePath(locale, `/requests/check/${draft.key}`));
  },
});

export const sendDraftAction = createFormAction({
  schema: z.object({ key }),
  access: ["citizen"],
  run: async ({ input, actor, locale, ip }) => {
    const { db } = await getDb();
    const draft = await loadDraft({ db, userId: actor.userId, key: input.key });
    if (!draft) {
      // Already sent (a second click, the back button): show the case it made.
      const sent = await resultOfKey<{ reference: string }>({ db, userId: actor.userId, key: input.key });
      if (sent) redirect(localePath(locale, `/my/cases/${sent.reference}/sent`));
      throw new AppError("notFound", { messageKey: "Requests.errors.draftGone" });
    }
    const { result, replayed } = await submitCaseOnce({ db, actor: actor, key: draft.key, kind: draft.kind, payload: draft.values, locale, now: await now(), ip });
    if (!replayed) nudgeDispatcher();
    redirect(localePath(locale, `/my/cases/${result.reference}/sent`));
  },
});
