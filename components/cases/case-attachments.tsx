import { UserText } from "@/components/ui/user-text";
import type { Tr } from "./labels";

/** The files of a case (the citizen's, and those staff sent with a reply), each opened through /api/files. */
export function CaseAttachments({ t, files }: { t: Tr; files: { id: string; label: string; mediaType: string; bytes: number; visibility: string }[] }) {
  if (files.length === 0) return null;
  return (
    <section aria-labelledby="attachments-heading" className="mb-8">
      <h2 id="attachments-heading" className="mb-2 text-xl font-bold">
        {t("Cases.attachments.heading")}
      </h2>
      <ul className="flex flex-col gap-1">
        {files.map((f) => (
          <li key={f.id}>
            <a className="link inline-flex min-h-11 items-center" href={`/api/files/${f.id}`}>
              <UserText>{f.label}</UserText>
              <span className="ms-2 text-sm text-muted">
                ({f.mediaType === "application/pdf" ? "PDF" : t("Cases.attachments.photo")}, {Math.max(1, Math.round(f.bytes / 1024))} kB
                {f.visibility === "internal" ? `, ${t("Cases.events.internal")}` : ""})
              </span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
