import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { localePath } from "@/lib/i18n/routing";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";

export const generateMetadata = titled("Requests.title");

/** What do you want to send? Four kinds of the one case engine. */
export default async function RequestsPage({ params }: PageProps<"/[locale]/requests">) {
  const locale = await pageLocale(params);
  await requirePageActor(locale, localePath(locale, "/requests"), { roles: ["citizen"] });
  const t = await getTranslations({ locale, namespace: "Requests" });
  const choices = [
    { href: "/requests/complaint/new", title: t("choose.complaint"), hint: t("choose.complaintHint") },
    { href: "/requests/suggestion/new", title: t("choose.suggestion"), hint: t("choose.suggestionHint") },
    { href: "/requests/report/new", title: t("choose.municipalReport"), hint: t("choose.municipalReportHint") },
    { href: "/requests/information/new", title: t("choose.infoRequest"), hint: t("choose.infoRequestHint") },
    { href: "/requests/certificate/new", title: t("choose.certificate"), hint: t("choose.certificateHint") },
  ];
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-8 max-w-2xl text-lg">{t("lead")}</p>
      <ul className="flex max-w-2xl flex-col gap-4">
        {choices.map((c) => (
          <li key={c.href} className="border-s-4 border-brand ps-4">
            <a href={localePath(locale, c.href)} className="block min-h-11 py-2 text-xl font-bold text-link underline">
              {c.title}
            </a>
            <p className="text-muted">{c.hint}</p>
          </li>
        ))}
      </ul>
      <p className="mt-8">
        <a href={localePath(locale, "/reports")} className="text-link underline">
          {t("publicReports")}
        </a>
      </p>
    </>
  );
}
