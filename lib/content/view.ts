import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { diffVersions, missingTranslations } from "./diff";
import { isContentKind, type ContentKind } from "./kinds";
import { isEditor, mayEdit, publishRefusal, type Editor } from "./permissions";
import { editorFor, listContentEditors, listDocuments, listVersions, reviewQueue, reviewRequired, type VersionRow } from "./store";

/** What the content pages (app/[locale]/(staff)/staff/content) show, read for the signed-in editor. */

export async function editorOf(actor: Actor): Promise<Editor> {
  return editorFor((await getDb()).db, actor);
}

export async function contentHome(actor: Actor) {
  const { db } = await getDb();
  const editor = await editorFor(db, actor);
  if (!isEditor(editor)) return { editor, documents: [], queue: [] };
  const [documents, queue] = await Promise.all([listDocuments(db, editor), reviewQueue(db, editor)]);
  return { editor, documents, queue };
}

export type DocumentView = {
  editor: Editor;
  kind: ContentKind;
  key: string;
  versions: VersionRow[];
  published: VersionRow | undefined;
  ownerBody: string | null;
  reviewRequired: boolean;
};

/** A document's versions, or null when it does not exist or this editor may not edit it. */
export async function documentView(actor: Actor, kind: string, key: string): Promise<DocumentView | null> {
  if (!isContentKind(kind)) return null;
  const { db } = await getDb();
  const editor = await editorFor(db, actor);
  const versions = await listVersions(db, kind, key);
  const ownerBody = versions[0]?.ownerBody ?? null;
  if (versions.length === 0 || !mayEdit(editor, ownerBody)) return null;
  return { editor, kind, key, versions, published: versions.find((v) => v.status === "published"), ownerBody, reviewRequired: await reviewRequired(db, ownerBody) };
}

/** One version: what changed from the one it is compared with, its missing translations, what the editor may do with it. */
export async function versionView(actor: Actor, kind: string, key: string, number: number) {
  const doc = await documentView(actor, kind, key);
  const version = doc?.versions.find((v) => v.number === number);
  if (!doc || !version) return null;
  // A draft against what the public sees now; a published or archived version against the one before it.
  const against = version.status === "draft" ? doc.published : doc.versions.find((v) => v.number < number && (v.status === "published" || v.status === "archived"));
  const refusal = version.status === "draft" ? publishRefusal(doc.editor, version, doc.reviewRequired) : null;
  return {
    ...doc,
    version,
    against,
    diff: against ? diffVersions(against.data, version.data) : [],
    missing: missingTranslations(version.data),
    mayPublish: version.status === "draft" && refusal === null,
    ownDraftRefused: refusal === "ownDraft",
    mayEditDraft: version.status === "draft" && version.authorId === doc.editor.userId,
    mayRestore: version.status === "archived" || version.status === "discarded",
  };
}

/** The officials who hold the content editor right (the admin users page shows and toggles it). */
export async function contentEditorIds(): Promise<Set<string>> {
  return listContentEditors((await getDb()).db);
}
