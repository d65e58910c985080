import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { findCertificateType, listCertificateTypes } from "@/lib/cases/kinds/certificate-request/types";
import { contentLocale, isLocale, localePath } from "@/lib/i18n/routing";
import { submitCaseForm } from "@/lib/outbox/actions";
import { newIdempotencyKey } from "@/lib/outbox/keys";
import { withErrorPrefix } from "@/lib/i18n/page-title";
import { bodyName, municipalityGroups, rootTranslator } from "@/components/cases/labels";
import { Form } from "@/components/forms/form";
import { Checkbox, Radios, Select, Submit, TextInput } from "@/components/forms/fields";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { ExplainThisPage } from "@/components/assisted/explain-this-page";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[locale]/requests/certificate/new">): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "CertificateRequest" });
  return { title: await withErrorPrefix(locale, t("title")) };
}

/**
 * Ask for an administrative certificate: which one (who may ask, what the body checks, how long
 * it takes — said before choosing), in which language, for what; the citizen confirms it is
 * theirs. The issuing body approves or refuses from its queue; the signed PDF then waits in "my file".
 */
export default async function NewCertificateRequestPage({ params, searchParams }: PageProps<"/[locale]/requests/certificate/new">) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const formPath = localePath(locale, "/requests/certificate/new");
  const actor = await requirePageActor(locale, formPath, { roles: ["citizen"] });
  const asked = (await searchParams).type;
  const preselected = typeof asked === "string" ? findCertificateType(asked)?.id : undefined;
  const t = await getTranslations({ locale, namespace: "CertificateRequest" });
  const r = await getTranslations({ locale, namespace: "Requests" });
  const o = await getTranslations({ locale, namespace: "Outbox" });
  const root = await rootTranslator(locale);
  const lang = contentLocale(locale);
  return (
    <>
      <Breadcrumbs label={root("MyFile.breadcrumbs")} items={[{ href: localePath(locale, "/requests"), text: r("title") }, { text: t("title") }]} />
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <ExplainThisPage locale={locale} step="certificate.form" />
      <p className="mb-6 max-w-2xl text-lg">{t("lead")}</p>
      <Form
        action={submitCaseForm}
        schema="certificate-request"
        errors={["CertificateRequest", "Cases", "Requests", "Municipalities"]}
        outbox={{ kind: "certificate-request", formPath, userId: actor.userId, idempotencyKey: newIdempotencyKey(), titleField: "certificateType" }}
        className="max-w-2xl"
      >
        <Radios
          name="certificateType"
          label={t("fields.certificateType")}
          defaultValue={preselected}
          options={listCertificateTypes().map((c) => ({
            value: c.id,
            label: `${c.name[lang]}${c.demo ? ` (${t("demoIssuer")})` : ""}`,
            hint: t("typeHint", { body: bodyName(root, c.bodyId), who: c.whoMayAsk[lang], checks: c.bodyChecks[lang], days: c.days }),
          }))}
        />
        <Select name="municipalityId" label={root("Municipalities.field")} hint={root("Municipalities.chooseHint")} placeholder="—" options={[]} groups={municipalityGroups(locale)} />
        <Radios name="language" label={t("fields.language")} hint={t("languageHint")} defaultValue={locale === "fr-TN" ? "fr" : "ar"} options={[{ value: "ar", label: "العربية" }, { value: "fr", label: "Français" }]} />
        <TextInput name="purpose" label={t("fields.purpose")} hint={t("purposeHint")} maxLength={200} autoComplete="off" />
        <Checkbox name="confirm" label={t("confirm")} hint={t("confirmHint")} />
        <p className="mb-4 text-sm text-muted">{o("draftNote")}</p>
        <Submit>{t("submit")}</Submit>
      </Form>
    </>
  );
}
