import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";
import { localePath } from "@/lib/i18n/routing";
import { sendPermitAction } from "@/lib/permits/actions";
import { loadPermitDraft } from "@/lib/permits/drafts";
import { decisionDays, missingItems } from "@/lib/cases/kinds/permit/rules";
import { Form } from "@/components/forms/form";
import { Submit } from "@/components/forms/fields";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";

export const dynamic = "force-dynamic";
export const dynamicParams = true;
export const generateMetadata = titled("Permits.check.title", { robots: { index: false, follow: false } });

/**
 * "Check before sending": exactly what is still missing, each item a link to its section; the
 * send button only once nothing is (the server refuses an incomplete file all the same).
 */
export default async function PermitCheckPage({ params }: PageProps<"/[locale]/permits/[draft]/check">) {
  const locale = await pageLocale(params);
  const { draft } = await params;
  const actor = await requirePageActor(locale, localePath(locale, `/permits/${encodeURIComponent(draft)}/check`), { roles: ["citizen"] });
  const loaded = await loadPermitDraft({ userId: actor.userId, draftId: draft });
  if (!loaded) notFound();
  if (loaded.caseReference) redirect(localePath(locale, `/my/cases/${loaded.caseReference}`));
  const t = await getTranslations({ locale, namespace: "Permits" });
  const missing = missingItems(loaded.state);
  const label = (item: string) => (t.has(`items.${item}` as never) ? t(`items.${item}` as never) : t(`documents.${item}` as never));
  const back = localePath(locale, `/permits/${loaded.row.id}`);
  return (
    <>
      <Breadcrumbs label={t("title")} items={[{ href: back, text: t("title") }, { text: t("check.title") }]} />
      <h1 className="mb-4 text-3xl font-bold">{t("check.title")}</h1>
      <p className="mb-6 max-w-2xl">{t("check.intro", { days: decisionDays(loaded.state.application) })}</p>
      <p className="mb-4 text-lg font-semibold" role="status" data-missing-count={missing.length}>
        {missing.length ? t("check.missingCount", { count: missing.length }) : t("check.complete")}
      </p>
      {missing.length ? (
        <section aria-labelledby="missing-heading" className="mb-8 max-w-2xl">
          <h2 id="missing-heading" className="mb-2 text-xl font-bold">
            {t("check.missingHeading")}
          </h2>
          <ul className="list-disc ps-6" data-missing>
            {missing.map((m) => (
              <li key={`${m.section}:${m.item}`} data-item={m.item}>
                <a className="link" href={localePath(locale, `/permits/${loaded.row.id}/${m.section}`)}>
                  {t(`sections.${m.section}`)} — {label(m.item)}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <Form action={sendPermitAction} schema="permit-send" errors={["Permits", "Cases", "Requests", "Outbox"]} hidden={{ draft: loaded.row.id }} className="max-w-2xl">
          <p className="mb-4 text-sm text-muted">{t("check.sendNote")}</p>
          <Submit>{t("check.send")}</Submit>
        </Form>
      )}
      <p className="mt-6">
        <a className="link" href={back}>
          {t("backToList")}
        </a>
      </p>
    </>
  );
}
