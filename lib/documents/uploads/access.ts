import type { Role } from "@/lib/auth/roles";
import { workingBodyOf } from "@/lib/cases/access";

/**
 * Who may read an attachment — a pure rule, tested, used by the file route. The case is the
 * one the file is attached to (citizen and body), or null while the file belongs to a form.
 */
export type UploadForAccess = {
  ownerId: string;
  uploadedBy: string;
  caseId: string | null;
  visibility: string;
  publicAt: Date | null;
  hiddenAt: Date | null;
};
export type ReaderForAccess = { userId: string; role: Role; bodyId: string | null; houseId?: string | null } | null;
export type CaseForAccess = { citizenId: string; bodyId: string; houseId?: string | null } | null;

export type ReadAccess = "none" | "public" | "private";

export function uploadAccess(reader: ReaderForAccess, upload: UploadForAccess, theCase: CaseForAccess): ReadAccess {
  if (reader && (reader.userId === upload.uploadedBy || (reader.userId === upload.ownerId && upload.visibility === "public"))) return "private";
  if (reader && theCase) {
    if (reader.userId === theCase.citizenId && upload.visibility === "public") return "private";
    if (reader.role === "admin") return "private";
    if (workingBodyOf(reader) !== null && workingBodyOf(reader) === theCase.bodyId) return "private";
    // Agents of the service house the case was filed at work on it too (lib/cases/access.ts canCorrespond).
    if (reader.role === "agent" && reader.houseId && reader.houseId === theCase.houseId) return "private";
  }
  // Approved by moderation for the public list of reports, and not hidden since.
  if (upload.caseId && upload.publicAt && !upload.hiddenAt && upload.visibility === "public") return "public";
  return "none";
}
