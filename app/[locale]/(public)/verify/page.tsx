import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { localePath } from "@/lib/i18n/routing";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";

export const generateMetadata = titled("Verify.title");

/** Type a code from a paper receipt. A plain GET form: works without JavaScript, no session. */
export default async function VerifyFormPage({ params, searchParams }: PageProps<"/[locale]/verify">) {
  const locale = await pageLocale(params);
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
