import { pageLocale } from "@/lib/i18n/page-locale";
import { PracticeBanner } from "@/components/practice/practice-banner";

/** Every practice screen carries the sandbox mark (docs/adr/0022-practice-mode.md). */
export default async function PracticeLayout({ params, children }: LayoutProps<"/[locale]/learn/practice">) {
  const locale = await pageLocale(params);
  return (
    <>
      <PracticeBanner locale={locale} />
      {children}
    </>
  );
}
