import { groupHash } from "@/lib/cases/kinds/document-submission/checklist";
import { UserText } from "@/components/ui/user-text";
import type { Tr } from "./labels";

type FileRow = { id: string; label: string; mediaType: string; bytes: number; visibility: string; sha256?: string; slot?: string | null };

/**
 * The files of a case (the citizen's, and those staff sent with a reply), each opened through
 * /api/files. With `documentName` (a scanned submission), each file also says which listed
 * document it is and its SHA-256, as its signed receipt lists it.
 */
export function CaseAttachments({ t, files, documentName }: { t: Tr; files: FileRow[]; documentName?: (slot: string) => string }) {
  if (files.length === 0) return null;
  return (
    <section aria-labelledby="attachments-heading" className="mb-8">
      <h2 id="attachments-heading" className="mb-2 text-xl font-bold">
        {t("Cases.attachments.heading")}
      </h2>
      <ul className="flex flex-col gap-1">
        {files.map((f) => (
          <li key={f.id} data-file-slot={f.slot ?? undefined}>
            {documentName && f.slot ? <span className="me-2 font-semibold">{documentName(f.slot)}:</span> : null}
            <a className="link inline-flex min-h-11 items-center" href={`/api/files/${f.id}`}>
              <UserText>{f.label}</UserText>
              <span className="ms-2 text-sm text-muted">
                ({f.mediaType === "application/pdf" ? "PDF" : t("Cases.attachments.photo")}, {Math.max(1, Math.round(f.bytes / 1024))} kB
                {f.visibility === "internal" ? `, ${t("Cases.events.internal")}` : ""})
              </span>
            </a>
            {documentName && f.sha256 ? (
              <span className="block text-sm text-muted">
                SHA-256{" "}
                <code dir="ltr" className="break-all" data-sha256={f.sha256}>
                  {groupHash(f.sha256)}
                </code>
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
