import { LessonLink } from "@/components/learning/lesson-link";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import { localePath } from "@/lib/i18n/routing";
import { listPayments } from "@/lib/payments/queries";
import { paymentsWithBillers } from "@/app/_payments/wiring";
import { Card } from "@/components/ui/card";
import { StatusTag } from "@/components/ui/status-tag";
import { paymentTone } from "@/components/payments/labels";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";
import { ExplainThisPage } from "@/components/assisted/explain-this-page";

// Personal: rendered for each request, never prerendered or cached.
export const dynamic = "force-dynamic";

export const generateMetadata = titled("Pay.title");

export default async function PayPage({ params }: PageProps<"/[locale]/pay">) {
  const locale = await pageLocale(params);
  const actor = await requirePageActor(locale, localePath(locale, "/pay"), { roles: ["citizen"] });
  const t = await getTranslations({ locale, namespace: "Pay" });
  const recent = await listPayments({ deps: await paymentsWithBillers(), userId: actor.userId, limit: 10 });
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <LessonLink locale={locale} slug="pay-with-d17" />
      <ExplainThisPage locale={locale} step="pay.choose" />
      <p className="mb-8 max-w-3xl text-lg">{t("lead")}</p>
      <ul className="mb-10 grid gap-4 sm:grid-cols-2">
        <li>
          <Card href={localePath(locale, "/pay/find")} title={t("findCard.title")} headingLevel={2}>
            {t("findCard.text")}
          </Card>
        </li>
        <li>
          <Card href={localePath(locale, "/bills")} title={t("myBillsCard.title")} headingLevel={2}>
            {t("myBillsCard.text")}
          </Card>
        </li>
      </ul>
      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading" className="mb-4 text-2xl font-bold">
          {t("recentHeading")}
        </h2>
        {recent.length === 0 ? (
          <p>{t("recentEmpty")}</p>
        ) : (
          <ul className="flex flex-col divide-y-2 divide-line border-y-2 border-line">
            {recent.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <Link className="link inline-flex min-h-11 items-center font-semibold" href={localePath(locale, p.state === "paid" ? `/pay/receipt/${p.id}` : `/pay/status/${p.id}`)}>
                  <bdi>{p.reference}</bdi>
                  <span className="ms-2 font-normal">{formatMoney(p.totalMillimes, locale)}</span>
                </Link>
                <span className="text-sm text-muted">{formatDate(p.createdAt, locale, "dateTime")}</span>
                <StatusTag tone={paymentTone[p.state]}>{t(`states.${p.state}`)}</StatusTag>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
