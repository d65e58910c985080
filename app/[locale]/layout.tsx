import type { Metadata, Viewport } from "next";
import { getTranslations } from "next-intl/server";
import { direction, isLocale, locales } from "@/lib/i18n/routing";
import { SkipLink } from "@/components/ui/skip-link";
import { SwUpdate } from "@/components/shell/sw-update";
import { ErrorTitlePrefixProvider } from "@/components/ui/error-title";
import { kioskBootScript, textSizeBootScript } from "@/lib/security/boot-scripts";
import "../globals.css";
import { pageLocale } from "@/lib/i18n/page-locale";

// Only /ar, /fr and /en exist: a stray path such as /favicon.ico never reaches this layout.
export const dynamicParams = false;

export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: LayoutProps<"/[locale]">): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "Metadata" });
  return {
    title: { default: t("title"), template: `%s — ${t("appName")}` },
    description: t("description"),
    applicationName: t("appName"),
    manifest: "/manifest.webmanifest",
    icons: { icon: "/icons/icon-192.png", apple: "/icons/icon-192.png" },
    appleWebApp: { capable: true, title: t("appName") },
  };
}

export const viewport: Viewport = {
  themeColor: "#07392c",
  width: "device-width",
  initialScale: 1,
};

export default async function LocaleLayout({ children, params }: LayoutProps<"/[locale]">) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Shell" });
  return (
    <html lang={locale} dir={direction(locale)} suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: textSizeBootScript }} />
        <script dangerouslySetInnerHTML={{ __html: kioskBootScript }} />
        {/* Without JavaScript the chosen text size comes from the cookie through this stylesheet. */}
        <noscript>
          <link rel="stylesheet" href="/api/text-size/css" />
        </noscript>
      </head>
      <body className="flex min-h-screen flex-col">
        <SkipLink>{t("skipLink")}</SkipLink>
        <SwUpdate labels={{ message: t("updateAvailable"), reload: t("updateReload"), offline: t("offlineNotice") }} />
        <ErrorTitlePrefixProvider value={(await getTranslations({ locale, namespace: "A11y" }))("errorTitlePrefix")}>{children}</ErrorTitlePrefixProvider>
      </body>
    </html>
  );
}
