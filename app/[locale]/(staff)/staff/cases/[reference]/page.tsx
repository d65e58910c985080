import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { staffRoles } from "@/lib/auth/roles";
import { requirePageActor } from "@/lib/auth/session";
import { assignAction, staffMessageAction, staffTransitionAction } from "@/lib/cases/actions";
import { loadStaffCase } from "@/lib/cases/queries";
import { localePath } from "@/lib/i18n/routing";
import { Form } from "@/components/forms/form";
import { FileInput, Submit, TextArea } from "@/components/forms/fields";
import { CaseSummary } from "@/components/cases/case-summary";
import { PermitStaffPanel, permitDocumentName } from "@/components/permits/permit-case";
import { CaseTimeline } from "@/components/cases/case-timeline";
import { CaseAttachments } from "@/components/cases/case-attachments";
import { SubmissionReceipts, submissionDocumentName } from "@/components/cases/submission-receipts";
import { UPLOAD_LIMITS, acceptAttribute } from "@/lib/documents/uploads/limits";
import { bodyName, rootTranslator, translateKey } from "@/components/cases/labels";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { isRequestKind, loadStaffExtras } from "@/lib/requests/after-sending";
import { DATA_TRANSITIONS, StaffRequestsPanel } from "@/components/requests/staff-panel";
import { titled } from "@/lib/i18n/page-title";
import { UserText } from "@/components/ui/user-text";
import { pageLocale } from "@/lib/i18n/page-locale";

// Personal: rendered for each request, never prerendered or cached.
export const dynamic = "force-dynamic";
// [locale]/layout.tsx turns dynamic params off for locales; references are open-ended.
export const dynamicParams = true;

export const generateMetadata = titled("Titles.staffCase", { robots: { index: false, follow: false } });

export default async function StaffCasePage({ params, searchParams }: PageProps<"/[locale]/staff/cases/[reference]">) {
  const locale = await pageLocale(params);
  const { reference } = await params;
  const actor = await requirePageActor(locale, localePath(locale, `/staff/cases/${encodeURIComponent(reference)}`), { roles: staffRoles });
  const loaded = await loadStaffCase({ actor, reference });
  if (!loaded) notFound();
  const { caseView, events, views, transitions, attachments } = loaded;
  const query = await searchParams;
  const t = await rootTranslator(locale);
  const s = await getTranslations({ locale, namespace: "StaffCase" });
  const ref = caseView.row.reference;
  // Files sent with a reply or an answer: their limits, checked by the server.
  const attach = <FileInput name="attachments" label={s("attachLabel")} hint={t("Requests.attachments.limits", { max: UPLOAD_LIMITS.maxFiles })} accept={acceptAttribute} multiple />;
  const errors = ["Cases"];
  const requestKind = isRequestKind(caseView.row.kind);
  const generic = requestKind ? transitions.filter((tr) => !DATA_TRANSITIONS.has(tr.to)) : transitions;
  return (
    <>
      <Breadcrumbs label={s("breadcrumbs")} items={[{ href: localePath(locale, "/staff"), text: t("StaffQueue.title") }, { text: ref }]} />
      {typeof query.done === "string" && query.done !== "commission" && query.done !== "opinion" ? (
        <p role="status" className="mb-6 border-s-4 border-success ps-3 font-semibold">
          {s(`done.${query.done === "note" ? "note" : query.done === "reply" ? "reply" : query.done === "assigned" ? "assigned" : "status"}`)}
        </p>
      ) : null}
      <h1 className="mb-4 text-3xl font-bold">{caseView.title ? <UserText>{caseView.title}</UserText> : translateKey(t, caseView.kind.messages.name)}</h1>
      <CaseSummary t={t} locale={locale} caseView={caseView} views={views} detailsHeading={s("citizenSent")} />
      <SubmissionReceipts caseView={caseView} locale={locale} />
      <PermitStaffPanel caseView={caseView} locale={locale} actor={actor} done={typeof query.done === "string" ? query.done : undefined} />
      <CaseAttachments t={t} files={attachments} documentName={submissionDocumentName(caseView, locale) ?? (await permitDocumentName(caseView, locale))} />
      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="act-heading">
          <h2 id="act-heading" className="mb-4 text-xl font-bold">
            {s("actHeading")}
          </h2>
          {caseView.mayDecide ? null : (
            <p className="mb-6 border-s-4 border-brand ps-3" data-house-case>
              {s("houseCase", { body: bodyName(t, caseView.row.bodyId) })}
            </p>
          )}
          {caseView.row.closedAt || !caseView.mayDecide ? null : caseView.row.assigneeId === actor.userId ? (
            <p className="mb-6 font-semibold">{s("assignedToYou")}</p>
          ) : (
            <Form action={assignAction} id="assign" errors={errors} hidden={{ reference: ref, back: "case" }} className="mb-6">
              <Submit variant="secondary">{s("assignToMe")}</Submit>
            </Form>
          )}
          <Form action={staffMessageAction} id="reply" schema="case-staff-message" errors={errors} hidden={{ reference: ref, type: "reply" }} className="mb-6">
            <TextArea name="message" label={s("replyLabel")} hint={s("replyHint")} rows={5} />
            {attach}
            <Submit>{s("sendReply")}</Submit>
          </Form>
          <Form action={staffMessageAction} id="note" schema="case-staff-message" errors={errors} hidden={{ reference: ref, type: "note" }} className="mb-6">
            <TextArea name="message" label={s("noteLabel")} hint={s("noteHint")} rows={5} />
            <Submit variant="secondary">{s("addNote")}</Submit>
          </Form>
          {generic.length ? (
            <>
              <h3 className="mb-2 text-lg font-bold">{s("statusHeading")}</h3>
              {generic.map((tr) => (
                <Form key={tr.to} action={staffTransitionAction} id={`to-${tr.to}`} schema="case-staff-transition" errors={errors} hidden={{ reference: ref, to: tr.to }} className="mb-6">
                  {tr.requiresMessage ? <TextArea name="message" label={s("transitionMessage", { action: translateKey(t, tr.label) })} hint={s("transitionMessageHint")} rows={5} /> : null}
                  {tr.requiresMessage && caseView.kind.id === "info-request" && tr.to === "answered" ? attach : null}
                  <Submit variant="secondary">{translateKey(t, tr.label)}</Submit>
                </Form>
              ))}
            </>
          ) : null}
          {requestKind && caseView.mayDecide ? (
            <StaffRequestsPanel t={t} locale={locale} caseView={caseView} extras={await loadStaffExtras({ caseView })} transitions={transitions} />
          ) : null}
        </section>
        <section aria-labelledby="timeline-heading">
          <h2 id="timeline-heading" className="mb-4 text-xl font-bold">
            {t("Cases.timeline")}
          </h2>
          <CaseTimeline t={t} locale={locale} caseView={caseView} events={events} />
        </section>
      </div>
    </>
  );
}
