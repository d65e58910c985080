import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { isLocale, localePath, locales, type Locale } from "@/lib/i18n/routing";
import { localized } from "@/lib/i18n/content";
import { getHouse } from "@/lib/houses/houses";
import { currentKiosk } from "@/lib/kiosk/current";
import { pageLocale } from "@/lib/i18n/page-locale";

export async function generateMetadata({ params }: PageProps<"/[locale]/kiosk">): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "Kiosk" });
  return { title: t("title"), robots: { index: false } };
}

const languages: Record<Locale, { label: string; lang: string }> = {
  "ar-TN": { label: "العربية", lang: "ar-TN" },
  "fr-TN": { label: "Français", lang: "fr-TN" },
  en: { label: "English", lang: "en" },
};

const tiles = [
  { key: "services", href: "/services", icon: "🔎" },
  { key: "pay", href: "/pay", icon: "💳" },
  { key: "report", href: "/requests", icon: "✉️" },
  { key: "interview", href: "/interviews/book", icon: "📅" },
  { key: "file", href: "/my", icon: "📁" },
  { key: "learn", href: "/learn", icon: "🎓" },
] as const;

/**
 * The start page of a self-service corner: the language first, then what to do. Where every
 * visit begins and where "finish and clear" (public/kiosk-leaf.js) brings the screen back, in
 * place of the history, so Back shows nothing of the person before.
 */
export default async function KioskStartPage({ params, searchParams }: PageProps<"/[locale]/kiosk">) {
  const locale = await pageLocale(params);
  const kiosk = await currentKiosk();
  if (kiosk.state === "gone") redirect(`/api/kiosk/leave?locale=${locale}`);
  const t = await getTranslations({ locale, namespace: "Kiosk" });
  if (kiosk.state === "none") {
    return (
      <main id="main" className="mx-auto w-full max-w-3xl flex-1 p-6">
        <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
        <p className="mb-4 text-lg">{t("notKiosk")}</p>
        <a className="link text-lg" href={localePath(locale, "/")}>
          {t("house")}
        </a>
      </main>
    );
  }
  const house = getHouse(kiosk.device.houseId);
  const houseName = house ? localized(house.name, locale) : kiosk.device.houseId;
  const query = await searchParams;
  const cleared = query.cleared === "1";
  const unsent = query.unsent === "1";
  return (
    <>
      <header className="bg-brand-dark px-4 py-4 text-white">
        <div className="mx-auto flex w-full max-w-5xl flex-wrap items-center justify-between gap-4">
          <p className="text-xl font-bold">
            {t("title")} — <bdi>{houseName}</bdi>
          </p>
          <nav aria-label={t("chooseLanguage")}>
            <ul className="flex flex-wrap gap-2">
              {locales.map((l) => (
                <li key={l}>
                  {l === locale ? (
                    <span aria-current="true" className="inline-flex min-h-14 min-w-24 items-center justify-center rounded-sm border-2 border-white bg-white px-4 text-lg font-bold text-brand-dark">
                      {languages[l].label}
                    </span>
                  ) : (
                    <a
                      href={localePath(l, "/kiosk")}
                      hrefLang={languages[l].lang}
                      lang={languages[l].lang}
                      className="inline-flex min-h-14 min-w-24 items-center justify-center rounded-sm border-2 border-white px-4 text-lg font-bold text-white underline"
                    >
                      {languages[l].label}
                    </a>
                  )}
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      {/* The corner's screen script: also here because staff arrive from the enrolment by a
          client-side navigation, where the <head> script (lib/security/boot-scripts.ts) does not run again. */}
      <script async src="/kiosk-leaf.js" />
      <main id="main" className="mx-auto w-full max-w-5xl flex-1 p-4 pb-32" data-kiosk-start>
        <h1 className="mb-6 text-3xl font-bold sm:text-4xl">{t("welcome", { house: houseName })}</h1>
        {cleared || unsent ? (
          <div role="status" className="mb-6 border-s-8 border-success bg-canvas p-4 text-lg">
            <p>{t("cleared")}</p>
            {unsent ? <p className="font-bold" data-unsent-deleted>{t("unsentDeleted")}</p> : null}
          </div>
        ) : null}
        <h2 className="mb-4 text-2xl font-bold">{t("whatToDo")}</h2>
        <ul className="mb-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {tiles.map((tile) => (
            <li key={tile.key}>
              <a
                href={localePath(locale, tile.href)}
                className="flex min-h-28 items-center gap-4 rounded-sm border-4 border-brand bg-white p-4 text-xl font-bold text-brand-dark hover:bg-canvas"
              >
                <span aria-hidden="true" className="text-4xl">
                  {tile.icon}
                </span>
                {t(`tiles.${tile.key}`)}
              </a>
            </li>
          ))}
        </ul>
        <p className="max-w-3xl text-lg">{t("privacy")}</p>
      </main>
    </>
  );
}
