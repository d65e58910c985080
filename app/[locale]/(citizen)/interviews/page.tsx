import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { formatDate } from "@/lib/i18n/format";
import { localePath } from "@/lib/i18n/routing";
import { myBookings } from "@/lib/interviews/service";
import { LinkButton } from "@/components/ui/button";
import { StatusTag } from "@/components/ui/status-tag";
import { titled } from "@/lib/i18n/page-title";
import { pageLocale } from "@/lib/i18n/page-locale";

export const generateMetadata = titled("Interviews.title", { robots: { index: false } });

export default async function InterviewsPage({ params }: PageProps<"/[locale]/interviews">) {
  const locale = await pageLocale(params);
  const actor = await requirePageActor(locale, localePath(locale, "/interviews"));
  const t = await getTranslations({ locale, namespace: "Interviews" });
  const tb = await getTranslations({ locale, namespace: "Booking" });
  const bookings = await myBookings({ actor });
  return (
    <div className="max-w-3xl">
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6 text-lg">{t("lead")}</p>
      <h2 className="mb-2 text-xl font-bold">{t("howTitle")}</h2>
      <ol className="mb-6 list-decimal ps-6">
        <li>{t("how1")}</li>
        <li>{t("how2")}</li>
        <li>{t("how3")}</li>
      </ol>
      <LinkButton href={localePath(locale, "/interviews/book")} className="mb-10">
        {t("start")}
      </LinkButton>
      <section aria-labelledby="mine">
        <h2 id="mine" className="mb-3 text-2xl font-bold">
          {t("mineTitle")}
        </h2>
        {bookings.length === 0 ? (
          <p>{t("mineEmpty")}</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {bookings.map((b) => (
              <li key={b.id} className="border-2 border-line p-3">
                <Link href={localePath(locale, `/interviews/${b.id}`)} className="link font-semibold">
                  {formatDate(b.startsAt, locale, "dateLong")} — <bdi>{formatDate(b.startsAt, locale, "time")}</bdi>
                </Link>
                <p>
                  {t(`bodies.${b.bodyId}` as "bodies.steg")} — {t(`topics.${b.topic}` as "topics.billing")}
                  {b.interpreterId === actor.userId ? ` (${t("asInterpreter")})` : ""}
                </p>
                <p className="flex flex-wrap items-center gap-2">
                  <bdi dir="ltr">{b.reference}</bdi>
                  <StatusTag>{tb(`status.${b.status}`)}</StatusTag>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
