import { getTranslations } from "next-intl/server";
import { localePath } from "@/lib/i18n/routing";
import { requirePageActor } from "@/lib/auth/session";
import { webhooksView } from "@/lib/partner-api/queries";
import { disableWebhookFromList, registerWebhookAction } from "@/lib/partner-api/actions";
import { SecretOnceForm } from "@/components/partner-api/secret-once-form";
import { FormMessages } from "@/components/forms/form-messages";
import { Select, Submit, TextInput } from "@/components/forms/fields";
import { bodyOptions, municipalityGroups } from "@/components/cases/labels";
import { formatDate } from "@/lib/i18n/format";
import { Ltr } from "@/components/ui/user-text";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";
import { ScrollTable } from "@/components/ui/scroll-table";
import { OutcomeBanner } from "@/components/ui/outcome-banner";
import { RowAction } from "@/components/forms/row-action";

export const generateMetadata = titled("PartnerApi.webhooksTitle");

/** Administrators: the bodies' webhook endpoints (told when a case is routed to them) and the delivery log. */
export default async function WebhooksPage({ params, searchParams }: PageProps<"/[locale]/staff/admin/webhooks">) {
  const locale = await pageLocale(params);
  await requirePageActor(locale, localePath(locale, "/staff/admin/webhooks"), { roles: ["admin"] });
  const outcome = (await searchParams).outcome;
  const { hooks, log } = await webhooksView();
  const bodies = bodyOptions(locale);
  const bodyName = (id: string) => bodies.find((b) => b.value === id)?.short ?? id;
  const t = await getTranslations({ locale, namespace: "PartnerApi" });
  const when = (d: Date | null) => (d ? formatDate(d, locale, "dateTime") : "—");
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t("webhooksTitle")}</h1>
      <p className="mb-4 max-w-3xl">{t("webhooksLead")}</p>
      <p className="mb-8">
        <a className="link inline-flex min-h-11 items-center font-semibold" href={localePath(locale, "/staff/admin/api-keys")}>
          {t("title")}
        </a>
      </p>
      <OutcomeBanner locale={locale} done={outcome === "disabled" ? t("webhookDisabledDone") : null} failed={outcome === "failed"} />
      <section aria-labelledby="hooks-heading" className="mb-12">
        <h2 id="hooks-heading" className="mb-4 text-2xl font-bold">
          {t("endpointsHeading")}
        </h2>
        {hooks.length === 0 ? (
          <p>{t("noEndpoint")}</p>
        ) : (
          <ScrollTable labelledBy="hooks-heading" columns={[t("columns.url"), t("columns.body"), t("columns.created"), t("columns.status"), t("columns.actions")]}>
            {hooks.map((h) => (
              <tr key={h.id} className="border-b border-line align-top">
                <th scope="row" className="p-2 text-start font-normal">
                  <Ltr>{h.url}</Ltr>
                </th>
                <td className="p-2">{bodyName(h.bodyId)}</td>
                <td className="p-2">{when(h.createdAt)}</td>
                <td className="p-2">{h.disabledAt ? t("disabledOn", { when: when(h.disabledAt) }) : t("active")}</td>
                <td className="p-2">
                  {h.disabledAt ? null : (
                    <RowAction action={disableWebhookFromList} fields={{ id: h.id, locale }} verb={t("disable")} subject={h.url} />
                  )}
                </td>
              </tr>
            ))}
          </ScrollTable>
        )}
      </section>
      <section className="mb-12 max-w-2xl">
        <FormMessages errors={["PartnerApi"]} namespaces={["PartnerApi.webhookCreated", "PartnerApi.webhookOnce", "Ui.success"]}>
          <SecretOnceForm action={registerWebhookAction} schema="partner-webhook" words={{ created: "PartnerApi.webhookCreated", once: "PartnerApi.webhookOnce" }} heading={<h2 className="mb-4 text-2xl font-bold">{t("registerHeading")}</h2>}>
            <Select name="bodyId" options={bodies} groups={municipalityGroups(locale)} placeholder="—" label={t("bodyLabel")} />
            <TextInput name="url" type="url" dir="ltr" className="text-start" label={t("urlLabel")} hint={t("urlHint")} maxLength={500} />
            <Submit>{t("register")}</Submit>
          </SecretOnceForm>
        </FormMessages>
      </section>
      <section aria-labelledby="log-heading">
        <h2 id="log-heading" className="mb-4 text-2xl font-bold">
          {t("logHeading")}
        </h2>
        {log.length === 0 ? (
          <p>{t("noDelivery")}</p>
        ) : (
          <ScrollTable labelledBy="log-heading" columns={[t("columns.case"), t("columns.body"), t("columns.event"), t("columns.status"), t("columns.attempts"), t("columns.next")]}>
            {log.map((d) => (
              <tr key={d.id} className="border-b border-line align-top" data-delivery={d.caseReference}>
                <th scope="row" className="p-2 text-start font-normal">
                  <Ltr nowrap>{d.caseReference}</Ltr>
                </th>
                <td className="p-2">{bodyName(d.bodyId)}</td>
                <td className="p-2">
                  <Ltr nowrap>{d.event}</Ltr>
                </td>
                <td className="p-2">{t(`deliveryStatus.${d.status === "delivered" ? "delivered" : d.status === "failed" ? "failed" : "pending"}`)}</td>
                <td className="p-2">
                  <ol className="list-decimal ps-6">
                    {d.tries.map((a) => (
                      <li key={a.id}>
                        {when(a.at)} — <Ltr>{a.status !== null ? `HTTP ${a.status}` : (a.error ?? "—")}</Ltr>
                      </li>
                    ))}
                  </ol>
                </td>
                <td className="p-2">{d.status === "pending" ? when(d.nextAttemptAt) : "—"}</td>
              </tr>
            ))}
          </ScrollTable>
        )}
      </section>
    </>
  );
}
