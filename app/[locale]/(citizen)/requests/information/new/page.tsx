import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { complaintBodyIds } from "@/lib/cases/kinds/complaint/categories";
import { accessForms } from "@/lib/cases/kinds/info-request/law-2016-22";
import { localePath } from "@/lib/i18n/routing";
import { reviewRequestAction } from "@/lib/requests/draft-actions";
import { loadDraftForForm } from "@/lib/requests/drafts";
import { newIdempotencyKey } from "@/lib/outbox/keys";
import { bodyName, rootTranslator } from "@/components/cases/labels";
import { requestFormLabels } from "@/components/requests/labels";
import { RequestForm } from "@/components/requests/request-form";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";

export const generateMetadata = titled("InfoRequest.title");

/** A request under law 2016-22: exactly the fields the law asks for, and no reason. */
export default async function NewInfoRequestPage({ params, searchParams }: PageProps<"/[locale]/requests/information/new">) {
  const locale = await pageLocale(params);
  const formPath = localePath(locale, "/requests/information/new");
  const actor = await requirePageActor(locale, formPath, { roles: ["citizen"] });
  const draftKey = (await searchParams).draft;
  const draft = await loadDraftForForm({ userId: actor.userId, key: typeof draftKey === "string" ? draftKey : undefined });
  const t = await getTranslations({ locale, namespace: "InfoRequest" });
  const r = await getTranslations({ locale, namespace: "Requests" });
  const root = await rootTranslator(locale);
  const { labels, outboxLabels } = await requestFormLabels(locale, r("continue"));
  return (
    <>
      <Breadcrumbs label={root("MyFile.breadcrumbs")} items={[{ href: localePath(locale, "/requests"), text: r("title") }, { text: t("title") }]} />
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6 max-w-2xl text-lg">{t("lead")}</p>
      <RequestForm
        action={reviewRequestAction}
        kind="info-request"
        idempotencyKey={draft?.key ?? newIdempotencyKey()}
        initialValues={draft?.values}
        userId={actor.userId}
        locale={locale}
        formPath={formPath}
        titleField="information"
        fields={[
          { type: "radios", name: "requesterType", label: t("fields.requesterType"), options: [{ value: "person", label: t("requester.person") }, { value: "company", label: t("requester.company") }] },
          { type: "text", name: "name", label: t("fields.name"), maxLength: 200, autoComplete: "name" },
          { type: "text", name: "address", label: t("fields.address"), hint: t("addressHint"), maxLength: 300, autoComplete: "street-address" },
          { type: "select", name: "bodyId", label: t("fields.bodyId"), placeholder: "—", options: complaintBodyIds.map((id) => ({ value: id, label: bodyName(root, id) })) },
          { type: "textarea", name: "information", label: t("fields.information"), hint: t("informationHint"), maxLength: 5000, rows: 8 },
          { type: "radios", name: "accessForm", label: t("fields.accessForm"), options: accessForms.map((f) => ({ value: f, label: t(`access.${f}`) })) },
          { type: "checkbox", name: "lifeOrLiberty", label: t("fields.lifeOrLiberty"), hint: t("lifeOrLibertyHint") },
        ]}
        labels={labels}
        outboxLabels={outboxLabels}
      />
    </>
  );
}
