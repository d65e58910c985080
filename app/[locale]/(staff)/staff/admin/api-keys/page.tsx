import { getTranslations } from "next-intl/server";
import { localePath } from "@/lib/i18n/routing";
import { requirePageActor } from "@/lib/auth/session";
import { listPartnerKeys } from "@/lib/partner-api/queries";
import { createApiKeyAction, revokeApiKeyFromList } from "@/lib/partner-api/actions";
import { isScope, scopes } from "@/lib/partner-api/contract";
import { SecretOnceForm } from "@/components/partner-api/secret-once-form";
import { FormMessages } from "@/components/forms/form-messages";
import { Checkboxes, Select, Submit, TextInput } from "@/components/forms/fields";
import { bodyOptions, municipalityGroups } from "@/components/cases/labels";
import { formatDate } from "@/lib/i18n/format";
import { Ltr, UserText } from "@/components/ui/user-text";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";
import { ScrollTable } from "@/components/ui/scroll-table";
import { OutcomeBanner } from "@/components/ui/outcome-banner";
import { RowAction } from "@/components/forms/row-action";

export const generateMetadata = titled("PartnerApi.title");

/** Administrators: the partner bodies' API keys — create (shown once), see, revoke at once. */
export default async function ApiKeysPage({ params, searchParams }: PageProps<"/[locale]/staff/admin/api-keys">) {
  const locale = await pageLocale(params);
  await requirePageActor(locale, localePath(locale, "/staff/admin/api-keys"), { roles: ["admin"] });
  const outcome = (await searchParams).outcome;
  const keys = await listPartnerKeys();
  const bodies = bodyOptions(locale);
  const t = await getTranslations({ locale, namespace: "PartnerApi" });
  const when = (d: Date | null) => (d ? formatDate(d, locale, "dateTime") : "—");
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-4 max-w-3xl">{t("lead")}</p>
      <p className="mb-8">
        <a className="link inline-flex min-h-11 items-center font-semibold" href={localePath(locale, "/developers")}>
          {t("reference")}
        </a>
        <a className="link ms-6 inline-flex min-h-11 items-center font-semibold" href={localePath(locale, "/staff/admin/webhooks")}>
          {t("webhooksLink")}
        </a>
      </p>
      <OutcomeBanner locale={locale} done={outcome === "revoked" ? t("revokedDone") : null} failed={outcome === "failed"} />
      <section aria-labelledby="keys-heading" className="mb-12">
        <h2 id="keys-heading" className="mb-4 text-2xl font-bold">
          {t("listHeading")}
        </h2>
        {keys.length === 0 ? (
          <p>{t("none")}</p>
        ) : (
          <ScrollTable labelledBy="keys-heading" columns={[t("columns.label"), t("columns.prefix"), t("columns.body"), t("columns.scopes"), t("columns.perMinute"), t("columns.lastUsed"), t("columns.status"), t("columns.actions")]}>
            {keys.map((k) => (
              <tr key={k.id} className="border-b border-line align-top">
                <th scope="row" className="p-2 text-start font-normal">
                  <UserText>{k.label}</UserText>
                </th>
                <td className="p-2">
                  <Ltr nowrap>{`idk_${k.prefix}_…`}</Ltr>
                </td>
                <td className="p-2">{bodies.find((b) => b.value === k.bodyId)?.short ?? k.bodyId}</td>
                <td className="p-2">
                  <ul>
                    {k.scopes.filter(isScope).map((s) => (
                      <li key={s}>{t(`scopes.${s}`)}</li>
                    ))}
                  </ul>
                </td>
                <td className="p-2">{k.perMinute}</td>
                <td className="p-2">{when(k.lastUsedAt)}</td>
                <td className="p-2">{k.revokedAt ? t("revokedOn", { when: when(k.revokedAt) }) : t("active")}</td>
                <td className="p-2">
                  {k.revokedAt ? null : (
                    <RowAction action={revokeApiKeyFromList} fields={{ id: k.id, locale }} verb={t("revoke")} subject={k.label} />
                  )}
                </td>
              </tr>
            ))}
          </ScrollTable>
        )}
      </section>
      <section className="max-w-2xl">
        <FormMessages errors={["PartnerApi"]} namespaces={["PartnerApi.created", "PartnerApi.createdOnce", "Ui.success"]}>
          <SecretOnceForm action={createApiKeyAction} schema="partner-api-key" words={{ created: "PartnerApi.created", once: "PartnerApi.createdOnce" }} heading={<h2 className="mb-4 text-2xl font-bold">{t("createHeading")}</h2>}>
            <Select name="bodyId" options={bodies} groups={municipalityGroups(locale)} placeholder="—" label={t("bodyLabel")} />
            <TextInput name="label" label={t("labelLabel")} hint={t("labelHint")} maxLength={80} />
            <Checkboxes name="scopes" label={t("scopesLegend")} options={scopes.map((s) => ({ value: s, label: t(`scopes.${s}`) }))} />
            <TextInput name="perMinute" type="number" inputMode="numeric" dir="ltr" className="max-w-32 text-start" label={t("perMinuteLabel")} hint={t("perMinuteHint")} defaultValue="600" />
            <Submit>{t("create")}</Submit>
          </SecretOnceForm>
        </FormMessages>
      </section>
    </>
  );
}
