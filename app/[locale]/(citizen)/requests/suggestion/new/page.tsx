import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { COMPLAINT_CATEGORIES, complaintBodyIds } from "@/lib/cases/kinds/complaint/categories";
import { localePath } from "@/lib/i18n/routing";
import { reviewRequestAction } from "@/lib/requests/draft-actions";
import { loadDraftForForm } from "@/lib/requests/drafts";
import { newIdempotencyKey } from "@/lib/outbox/keys";
import { bodyName, rootTranslator } from "@/components/cases/labels";
import { requestAttachments, requestFormLabels } from "@/components/requests/labels";
import { RequestForm } from "@/components/requests/request-form";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";

export const generateMetadata = titled("Suggestion.title");

export default async function NewSuggestionPage({ params, searchParams }: PageProps<"/[locale]/requests/suggestion/new">) {
  const locale = await pageLocale(params);
  const formPath = localePath(locale, "/requests/suggestion/new");
  const actor = await requirePageActor(locale, formPath, { roles: ["citizen"] });
  const draftKey = (await searchParams).draft;
  const draft = await loadDraftForForm({ userId: actor.userId, key: typeof draftKey === "string" ? draftKey : undefined });
  const t = await getTranslations({ locale, namespace: "Suggestion" });
  const r = await getTranslations({ locale, namespace: "Requests" });
  const root = await rootTranslator(locale);
  const { labels, outboxLabels } = await requestFormLabels(locale, r("continue"));
  return (
    <>
      <Breadcrumbs label={root("MyFile.breadcrumbs")} items={[{ href: localePath(locale, "/requests"), text: r("title") }, { text: t("title") }]} />
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <RequestForm
        action={reviewRequestAction}
        kind="suggestion"
        idempotencyKey={draft?.key ?? newIdempotencyKey()}
        initialValues={draft?.values}
        attachments={await requestAttachments(locale, draft?.uploads ?? [])}
        userId={actor.userId}
        locale={locale}
        formPath={formPath}
        titleField="description"
        fields={[
          { type: "select", name: "bodyId", label: t("bodyQuestion"), placeholder: "—", options: complaintBodyIds.map((id) => ({ value: id, label: bodyName(root, id) })) },
          { type: "textarea", name: "description", label: t("fields.description"), hint: t("hint", { days: COMPLAINT_CATEGORIES.suggestionDays }), maxLength: 5000, rows: 8 },
          { type: "checkbox", name: "hideName", label: r("hideName"), hint: r("hideNameHint") },
        ]}
        labels={labels}
        outboxLabels={outboxLabels}
      />
    </>
  );
}
