import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { localePath } from "@/lib/i18n/routing";
import { sendDraftAction } from "@/lib/requests/draft-actions";
import { loadCheckPage } from "@/lib/requests/drafts";
import { rootTranslator } from "@/components/cases/labels";
import { Form } from "@/components/forms/form";
import { Submit } from "@/components/forms/fields";
import { requestAnswers } from "@/components/requests/answers";
import { CheckAnswers, type CheckAnswer } from "@/components/ui/check-answers";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { titled } from "@/lib/i18n/page-title";
import { UserText } from "@/components/ui/user-text";
import { pageLocale } from "@/lib/i18n/page-locale";
import { ExplainThisPage } from "@/components/assisted/explain-this-page";

export const dynamic = "force-dynamic";
export const dynamicParams = true;
export const generateMetadata = titled("Requests.check.title", { robots: { index: false, follow: false } });

const SUBMIT: Record<string, string> = { complaint: "Complaint.submit", suggestion: "Suggestion.submit", "info-request": "InfoRequest.submit" };
/** The answer that names the request in the list of unsent items. */
const TITLE_FIELD: Record<string, string> = { complaint: "description", suggestion: "description", "info-request": "information" };
const titleOf = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");

/** Check your answers: each with a link back to its question (answers kept), then send. */
export default async function CheckAnswersPage({ params }: PageProps<"/[locale]/requests/check/[key]">) {
  const locale = await pageLocale(params);
  const { key } = await params;
  const actor = await requirePageActor(locale, localePath(locale, `/requests/check/${encodeURIComponent(key)}`), { roles: ["citizen"] });
  const loaded = await loadCheckPage({ userId: actor.userId, key });
  if (!loaded) notFound();
  if ("sentReference" in loaded) redirect(localePath(locale, `/my/cases/${loaded.sentReference}/sent`));
  const { draft, uploads } = loaded;
  const t = await rootTranslator(locale);
  const r = await getTranslations({ locale, namespace: "Requests" });
  const form = localePath(locale, draft.formPath);
  const back = (field: string) => {
    // The body of a complaint is its own question (the first page).
    const path = draft.kind === "complaint" && field === "bodyId" ? localePath(locale, "/requests/complaint/new") : form;
    return `${path}${path.includes("?") ? "&" : "?"}draft=${encodeURIComponent(draft.key)}#${field}`;
  };
  const items: CheckAnswer[] = requestAnswers({ kind: draft.kind, values: draft.values, t, locale }).map((a) => ({
    label: a.label,
    value: a.value,
    changeHref: a.changeable ? back(a.field) : undefined,
  }));
  // Complaints and suggestions carry up to 5 files (their forms share the attachments field).
  if (draft.kind === "complaint" || draft.kind === "suggestion") {
    items.push({
      label: t("Uploads.label"),
      value: uploads.length ? (
        <ul className="list-disc ps-5">
          {uploads.map((u) => (
            <li key={u.id}>
              <a className="link" href={`/api/files/${u.id}`}>
                <UserText>{u.label}</UserText>
              </a>
            </li>
          ))}
        </ul>
      ) : (
        r("check.noAttachments")
      ),
      changeHref: back("attachments"),
    });
  }
  return (
    <>
      <Breadcrumbs label={t("MyFile.breadcrumbs")} items={[{ href: localePath(locale, "/requests"), text: r("title") }, { text: r("check.title") }]} />
      <h1 className="mb-6 text-3xl font-bold">{r("check.title")}</h1>
      <ExplainThisPage locale={locale} step="common.check" />
      <CheckAnswers items={items} changeLabel={r("change")} />
      <h2 className="mb-2 text-xl font-bold">{r("check.sendHeading")}</h2>
      <p className="mb-4 max-w-2xl">{r("check.sendBody")}</p>
      {/* Offline, or without an answer, the sending waits on this phone under the draft's key. */}
      <Form
        action={sendDraftAction}
        id="send"
        hidden={{ key: draft.key }}
        errors={["Requests", "Outbox", "Cases"]}
        outbox={{ kind: draft.kind, formPath: draft.formPath, userId: actor.userId, idempotencyKey: draft.key, title: titleOf(draft.values[TITLE_FIELD[draft.kind] ?? "description"]), payload: draft.values }}
      >
        <Submit>{t(SUBMIT[draft.kind] ?? "Complaint.submit")}</Submit>
      </Form>
    </>
  );
}
