"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { getDb } from "@/lib/db/client";
import { now } from "@/lib/clock";
import { localDateString } from "@/lib/clock/zone";
import { AppError } from "@/lib/errors";
import { localePath } from "@/lib/i18n/routing";
import { createFormAction } from "@/lib/safe-action";
import { applyForm, removedPaths } from "./form-model";
import { draftForm, editorRightForm, reviewSettingForm, versionForm } from "./forms";
import { choiceFields, fixedFields, listTemplates, lockedFields, publicPathOf, reusedIdFields, usedIds } from "./kinds";
import { syncContent } from "./live";
import { discardDraft, editorFor, listVersions, publishDraft, restoreVersion, saveDraft, setContentEditor, setReviewRequired } from "./store";
import { warmPages } from "./warm";

/** The content editors' actions (docs/adr/0023). Every call is audited (lib/safe-action). */

const EDITORS = ["admin", "official"] as const;
const docPath = (kind: string, key: string) => `/staff/content/${kind}/${key}`;

export const saveDraftAction = createFormAction({
  access: EDITORS,
  schema: draftForm,
  audit: (input) => ({ action: "content.draft", subjectType: `content:${input.kind}`, subjectId: input.key, detail: { from: input.from, note: input.note ?? null } }),
  async run({ input, actor, locale }) {
    const { db } = await getDb();
    const editor = await editorFor(db, actor);
    const versions = await listVersions(db, input.kind, input.key);
    const from = versions.find((v) => v.number === input.from);
    if (!from) throw new AppError("notFound");
    const sent = Object.fromEntries(Object.entries(input).filter(([, v]) => typeof v === "string" || Array.isArray(v))) as Record<string, string | string[]>;
    // Ids once published (cases may carry them) are shown, never renamed, nor given to a new item.
    const used = usedIds(input.kind, versions);
    const data = applyForm(from.data, lockedFields[input.kind], sent, listTemplates(input.kind, localDateString(await now())), fixedFields(input.kind, from.data, used), choiceFields(input.kind, from.data));
    const reused = reusedIdFields(input.kind, from.data, data, used);
    if (reused.length > 0) throw new AppError("validation", { fields: Object.fromEntries(reused.map((f) => [f, "ContentEditing.errors.idUsed"])), messageKey: "ContentEditing.errors.summary" });
    const number = await saveDraft(db, editor, { kind: input.kind, key: input.key, from: input.from, data, note: input.note || undefined });
    revalidatePath("/[locale]/staff/content", "layout");
    // "Add" and "remove" change the form itself: back to it, on the draft just saved.
    if (sent._add || removedPaths(sent).length > 0) redirect(`${localePath(locale, `${docPath(input.kind, input.key)}/edit`)}?version=${number}`);
    redirect(`${localePath(locale, `${docPath(input.kind, input.key)}/versions/${number}`)}?outcome=saved`);
  },
});

export const publishAction = createFormAction({
  access: EDITORS,
  schema: versionForm,
  audit: (input) => ({ action: "content.publish", subjectType: `content:${input.kind}`, subjectId: input.key, detail: { version: input.number } }),
  async run({ input, actor, locale }) {
    const { db } = await getDb();
    const editor = await editorFor(db, actor);
    await publishDraft(db, editor, { ...input, today: localDateString(await now()) });
    // This instance at once (snapshot + its pages); the others at their next check (lib/content/sync.ts).
    await syncContent();
    after(() => warmPages([publicPathOf(input.kind, input.key), "/services", "/services/all"]));
    redirect(`${localePath(locale, `${docPath(input.kind, input.key)}/versions/${input.number}`)}?outcome=published`);
  },
});

export const restoreAction = createFormAction({
  access: EDITORS,
  schema: versionForm,
  audit: (input) => ({ action: "content.restore", subjectType: `content:${input.kind}`, subjectId: input.key, detail: { version: input.number } }),
  async run({ input, actor, locale }) {
    const { db } = await getDb();
    const number = await restoreVersion(db, await editorFor(db, actor), input);
    revalidatePath("/[locale]/staff/content", "layout");
    redirect(`${localePath(locale, `${docPath(input.kind, input.key)}/versions/${number}`)}?outcome=restored`);
  },
});

export const discardAction = createFormAction({
  access: EDITORS,
  schema: versionForm,
  audit: (input) => ({ action: "content.discard", subjectType: `content:${input.kind}`, subjectId: input.key, detail: { version: input.number } }),
  async run({ input, actor, locale }) {
    const { db } = await getDb();
    await discardDraft(db, await editorFor(db, actor), input);
    revalidatePath("/[locale]/staff/content", "layout");
    redirect(`${localePath(locale, docPath(input.kind, input.key))}?outcome=discarded`);
  },
});

export const setReviewAction = createFormAction({
  access: ["admin"],
  schema: reviewSettingForm,
  audit: (input) => ({ action: "content.review-setting", subjectType: "body", subjectId: input.body, detail: { reviewRequired: input.on === "true" } }),
  async run({ input, actor }) {
    const { db } = await getDb();
    await setReviewRequired(db, input.body, input.on === "true", actor.userId);
    revalidatePath("/[locale]/staff/content", "layout");
    return { on: input.on === "true" };
  },
});

export const setEditorRightAction = createFormAction({
  access: ["admin"],
  schema: editorRightForm,
  audit: (input) => ({ action: input.on === "true" ? "users.content-editor.grant" : "users.content-editor.revoke", subjectType: "user", subjectId: input.userId }),
  async run({ input }) {
    const { db } = await getDb();
    if (!(await setContentEditor(db, input.userId, input.on === "true"))) throw new AppError("notFound");
    revalidatePath("/[locale]/staff/admin/users", "page");
    return { on: input.on === "true" };
  },
});
