import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import { localePath } from "@/lib/i18n/routing";
import { applicableSections, sectionStatus, type PermitDraftState, type SectionStatus } from "@/lib/cases/kinds/permit/rules";
import { StatusTag, type TagTone } from "@/components/ui/status-tag";

const TONES: Record<SectionStatus, TagTone> = { notStarted: "grey", inProgress: "blue", completed: "green", cannotStartYet: "grey" };

/**
 * The GOV.UK task list of a permit file: each section a row, its name a link (none while it
 * cannot start), its status a tag; the row's text is the accessible name of the link with the status.
 */
export async function PermitTaskList({ locale, draftId, state }: { locale: Locale; draftId: string; state: PermitDraftState }) {
  const t = await getTranslations({ locale, namespace: "Permits" });
  const sections = applicableSections(state.application);
  return (
    <ul className="mb-8 max-w-2xl border-t border-line" data-task-list>
      {sections.map((s) => {
        const status = sectionStatus(s, state);
        const id = `task-${s}-status`;
        const hint = t.has(`sectionHints.${s}` as never) ? t(`sectionHints.${s}` as never) : null;
        return (
          <li key={s} className="flex flex-wrap items-start justify-between gap-2 border-b border-line py-3" data-section={s} data-status={status}>
            <div>
              {status === "cannotStartYet" ? (
                <span className="font-semibold">{t(`sections.${s}`)}</span>
              ) : (
                <a className="link font-semibold" href={localePath(locale, `/permits/${draftId}/${s}`)} aria-describedby={id}>
                  {t(`sections.${s}`)}
                </a>
              )}
              {hint ? <p className="text-sm text-muted">{hint}</p> : null}
            </div>
            <span id={id}>
              <StatusTag tone={TONES[status]}>{t(`taskStatus.${status}`)}</StatusTag>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
