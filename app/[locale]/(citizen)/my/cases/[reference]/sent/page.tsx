import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { loadCitizenCase } from "@/lib/cases/queries";
import { formatDate } from "@/lib/i18n/format";
import { localePath } from "@/lib/i18n/routing";
import { bodyName, rootTranslator } from "@/components/cases/labels";
import { SentDraftCleared } from "@/components/outbox/sent-draft";
import { titled } from "@/lib/i18n/page-title";
import { pageLocale } from "@/lib/i18n/page-locale";
import { ExplainThisPage } from "@/components/assisted/explain-this-page";

export const dynamic = "force-dynamic";
export const dynamicParams = true;
export const generateMetadata = titled("Titles.caseSent", { robots: { index: false, follow: false } });

/** The confirmation page: the reference to keep, what happens next, and by when. */
export default async function CaseSentPage({ params }: PageProps<"/[locale]/my/cases/[reference]/sent">) {
  const locale = await pageLocale(params);
  const { reference } = await params;
  const actor = await requirePageActor(locale, localePath(locale, `/my/cases/${encodeURIComponent(reference)}/sent`), { roles: ["citizen"] });
  const loaded = await loadCitizenCase({ actor, reference });
  if (!loaded) notFound();
  const { row, kind } = loaded.caseView;
  const t = await rootTranslator(locale);
  const r = await getTranslations({ locale, namespace: "Requests" });
  const sl = await getTranslations({ locale, namespace: "ServiceLevel" });
  const allowance = (() => {
    try {
      return kind.deadline.initial(row.payload);
    } catch {
      return null;
    }
  })();
  const days = allowance && "days" in allowance ? allowance.days : null;
  return (
    <>
      <div role="status" className="mb-8 bg-success p-6 text-center text-white print:border-4 print:border-success print:text-ink">
        <h1 className="mb-2 text-2xl font-bold">{t("Cases.sent.title")}</h1>
        <p className="text-lg">
          {t("Cases.sent.reference")}
          <br />
          <strong className="font-mono text-3xl" data-print-large>
            <bdi dir="ltr">{row.reference}</bdi>
          </strong>
        </p>
      </div>
      <p className="mb-6 max-w-2xl">{t("Cases.sent.next")}</p>
      <ExplainThisPage locale={locale} step="common.sent" />
      <SentDraftCleared userId={actor.userId} kind={row.kind} locale={locale} />
      <h2 className="mb-2 text-xl font-bold">{r("next.heading")}</h2>
      <p className="mb-4 max-w-2xl">{r("next.body")}</p>
      {row.dueAt ? (
        <>
          {days !== null && days > 0 ? (
            <p className="mb-2 max-w-2xl">{sl("line", { body: bodyName(t, row.bodyId), kind: row.kind, days })}</p>
          ) : null}
          <p className="mb-6 max-w-2xl font-semibold">
            {r("dueBy", { date: formatDate(row.dueAt, locale, "date") })}
          </p>
        </>
      ) : null}
      <ul className="flex flex-col gap-2">
        <li>
          <Link className="link inline-flex min-h-11 items-center" href={localePath(locale, `/my/cases/${row.reference}`)}>
            {r("sent.openCase")}
          </Link>
        </li>
        <li>
          <Link className="link inline-flex min-h-11 items-center" href={localePath(locale, "/requests")}>
            {r("sent.another")}
          </Link>
        </li>
      </ul>
    </>
  );
}
