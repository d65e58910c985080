import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";
import { contentLocale, localePath } from "@/lib/i18n/routing";
import { municipalityName } from "@/lib/municipalities/municipalities";
import { loadPermitDraft } from "@/lib/permits/drafts";
import { applicableSections, decisionDays, sectionStatus } from "@/lib/cases/kinds/permit/rules";
import { PermitTaskList } from "@/components/permits/task-list";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { buttonClass } from "@/components/ui/button";

export const dynamic = "force-dynamic";
export const dynamicParams = true;
export const generateMetadata = titled("Permits.title", { robots: { index: false, follow: false } });

/**
 * The permit file's task list (GOV.UK pattern): every section, done in any order, its status as
 * saved on the server; then "check before sending". A file already sent shows its case.
 */
export default async function PermitTaskListPage({ params, searchParams }: PageProps<"/[locale]/permits/[draft]">) {
  const locale = await pageLocale(params);
  const { draft } = await params;
  const actor = await requirePageActor(locale, localePath(locale, `/permits/${encodeURIComponent(draft)}`), { roles: ["citizen"] });
  const loaded = await loadPermitDraft({ userId: actor.userId, draftId: draft });
  if (!loaded) notFound();
  if (loaded.caseReference) redirect(localePath(locale, `/my/cases/${loaded.caseReference}`));
  const t = await getTranslations({ locale, namespace: "Permits" });
  const saved = (await searchParams).saved;
  const sections = applicableSections(loaded.state.application);
  const done = sections.filter((s) => sectionStatus(s, loaded.state) === "completed").length;
  const municipality = loaded.state.application.municipality ? municipalityName(loaded.state.application.municipality, contentLocale(locale)) : null;
  return (
    <>
      <Breadcrumbs label={t("title")} items={[{ href: localePath(locale, "/permits/new"), text: t("newTitle") }, { text: t("title") }]} />
      {typeof saved === "string" ? (
        <p role="status" className="mb-6 border-s-4 border-success ps-3 font-semibold">
          {t("saved")}
        </p>
      ) : null}
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      {municipality ? <p className="mb-2 font-semibold">{t("municipalityOf", { name: municipality })}</p> : null}
      <p className="mb-2" data-progress>
        {t("progress", { done, total: sections.length })}
      </p>
      <p className="mb-6 max-w-2xl text-muted">{t("clock.notStarted", { days: decisionDays(loaded.state.application) })}</p>
      <PermitTaskList locale={locale} draftId={loaded.row.id} state={loaded.state} />
      <p>
        <a className={buttonClass(done === sections.length ? "primary" : "secondary")} href={localePath(locale, `/permits/${loaded.row.id}/check`)}>
          {t("check.link")}
        </a>
      </p>
    </>
  );
}
