import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import { StatusTag } from "@/components/ui/status-tag";
import type { Tr } from "./labels";

/** "Answer expected by 16 March 2026", with a tag when it is close or past. */
export function DeadlineNote({ t, locale, status, dueAt }: { t: Tr; locale: Locale; status: string; dueAt: Date | null }) {
  if (!dueAt || status === "none" || status === "stopped") return null;
  const date = formatDate(dueAt, locale, "date");
  if (status === "paused") return <span>{t("Cases.deadline.paused")}</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <span>{t("Cases.deadline.dueBy", { date })}</span>
      {status === "overdue" ? <StatusTag tone="red">{t("Cases.deadline.overdue")}</StatusTag> : null}
      {status === "dueSoon" ? <StatusTag tone="yellow">{t("Cases.deadline.dueSoon")}</StatusTag> : null}
    </span>
  );
}
