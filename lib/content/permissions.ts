/**
 * Who may edit and who may publish content (docs/adr/0023). Administrators edit everything;
 * an official with the editor right edits their own body's documents — a town's municipality
 * the procedures "of the municipality". When the body asks for review (the default), the
 * author of a draft never publishes it: a second person does.
 */
import type { Role } from "@/lib/auth/roles";
import { GENERIC_MUNICIPALITY, isMunicipalityBody } from "@/lib/municipalities/municipalities";

export type Editor = { userId: string; role: Role; bodyId: string | null; contentEditor: boolean };

export function mayEdit(editor: Editor, ownerBody: string | null): boolean {
  if (editor.role === "admin") return true;
  if (editor.role !== "official" || !editor.contentEditor || !editor.bodyId || ownerBody === null) return false;
  if (ownerBody === editor.bodyId) return true;
  return ownerBody === GENERIC_MUNICIPALITY && isMunicipalityBody(editor.bodyId);
}

/** May edit at all (sees the content pages). */
export function isEditor(editor: Editor): boolean {
  return editor.role === "admin" || (editor.role === "official" && editor.contentEditor && Boolean(editor.bodyId));
}

export type PublishRefusal = "forbidden" | "ownDraft";

export function publishRefusal(editor: Editor, draft: { authorId: string | null; ownerBody: string | null }, reviewRequired: boolean): PublishRefusal | null {
  if (!mayEdit(editor, draft.ownerBody)) return "forbidden";
  if (reviewRequired && draft.authorId === editor.userId) return "ownDraft";
  return null;
}
