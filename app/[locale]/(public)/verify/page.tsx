import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { isLocale, localePath } from "@/lib/i18n/routing";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

export async function generateMetadata({ params }: PageProps<"/[locale]/verify">): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  return { title: (await getTranslations({ locale, namespace: "Verify" }))("title") };
}

/** Type a code from a paper receipt. A plain GET form: works without JavaScript, no session. */
export default async function VerifyFormPage({ params, searchParams }: PageProps<"/[locale]/verify">) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const sp = await searchParams;
  const typed = typeof sp.code === "string" ? sp.code.trim() : undefined;
  if (typed) redirect(localePath(locale, `/verify/${encodeURIComponent(typed.toUpperCase().replace(/\s+/g, "-").slice(0, 40))}`));
  const t = await getTranslations({ locale, namespace: "Verify" });
  const tu = await getTranslations({ locale, namespace: "Ui" });
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6 max-w-3xl text-lg">{t("lead")}</p>
      <form method="get" action={localePath(locale, "/verify")} noValidate>
        <TextField
          id="code"
          name="code"
          label={t("code")}
          hint={t("codeHint")}
          error={typed === "" ? t("codeRequired") : undefined}
          errorPrefix={tu("errorPrefix")}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          dir="ltr"
          className="max-w-md font-mono"
        />
        <Button>{t("submit")}</Button>
      </form>
    </>
  );
}
