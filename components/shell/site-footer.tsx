import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { localePath, type Locale } from "@/lib/i18n/routing";

export async function SiteFooter({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "Shell" });
  const home = await getTranslations({ locale, namespace: "Home.tasks" });
  const links = [
    { href: "/services", text: home("services.title") },
    { href: "/houses", text: home("houses.title") },
    { href: "/learn", text: home("learn.title") },
    { href: "/offline", text: t("offlinePage") },
    { href: "/help", text: t("help") },
    { href: "/accessibility", text: t("accessibility") },
  ];
  return (
    <footer role="contentinfo" className="mt-12 border-t-4 border-brand bg-canvas">
      <div className="mx-auto flex max-w-5xl flex-col gap-4 px-4 py-8">
        <nav aria-label={t("footerNav")}>
          <ul className="flex flex-wrap gap-x-6 gap-y-2">
            {links.map((l) => (
              <li key={l.href}>
                <Link prefetch={false} className="link inline-flex min-h-11 items-center" href={localePath(locale, l.href)}>
                  {l.text}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <p className="max-w-2xl text-muted">{t("footerAbout")}</p>
        <p className="text-sm text-muted">{t("footerDemo")}</p>
      </div>
    </footer>
  );
}
