import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { localePath } from "@/lib/i18n/routing";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";

export const generateMetadata = titled("Accessibility.title", {}, { staticPage: true });

/** The accessibility statement: what is tested (e2e/a11y-audit.spec.ts), known gaps, other formats. */
export default async function AccessibilityPage({ params }: PageProps<"/[locale]/accessibility">) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Accessibility" });
  const help = await getTranslations({ locale, namespace: "Help" });
  const sections = [
    { id: "tested", heading: t("testedHeading"), items: [t("tested1"), t("tested2"), t("tested3"), t("tested4")] },
    { id: "gaps", heading: t("gapsHeading"), items: [t("gaps1"), t("gaps2"), t("gaps3")] },
    { id: "format", heading: t("formatHeading"), items: [t("format1"), t("format2")] },
  ];
  return (
    <div className="max-w-3xl">
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-8 text-lg">{t("lead")}</p>
      {sections.map((s) => (
        <section key={s.id} aria-labelledby={s.id} className="mb-8">
          <h2 id={s.id} className="mb-3 text-2xl font-bold">{s.heading}</h2>
          <ul className="flex list-disc flex-col gap-2 ps-6">
            {s.items.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </ul>
        </section>
      ))}
      <p>
        <Link prefetch={false} className="link inline-flex min-h-11 items-center" href={localePath(locale, "/help")}>
          {help("title")}
        </Link>
      </p>
    </div>
  );
}
