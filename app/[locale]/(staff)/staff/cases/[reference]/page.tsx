import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { staffRoles } from "@/lib/auth/roles";
import { requirePageActor } from "@/lib/auth/session";
import { assignAction, staffMessageAction, staffTransitionAction } from "@/lib/cases/actions";
import { loadStaffCase } from "@/lib/cases/queries";
import { isLocale, localePath } from "@/lib/i18n/routing";
import { CaseActionForm } from "@/components/cases/case-action-form";
import { CaseSummary } from "@/components/cases/case-summary";
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

// Personal: rendered for each request, never prerendered or cached.
export const dynamic = "force-dynamic";
// [locale]/layout.tsx turns dynamic params off for locales; references are open-ended.
export const dynamicParams = true;

export const generateMetadata = titled("Titles.staffCase", { robots: { index: false, follow: false } });

export default async function StaffCasePage({ params, searchParams }: PageProps<"/[locale]/staff/cases/[reference]">) {
  const { locale, reference } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const actor = await requirePageActor(locale, localePath(locale, `/staff/cases/${encodeURIComponent(reference)}`), { roles: staffRoles });
  const loaded = await loadStaffCase({ actor, reference });
  if (!loaded) notFound();
  const { caseView, events, views, transitions, attachments } = loaded;
  const query = await searchParams;
  const t = await rootTranslator(locale);
  const s = await getTranslations({ locale, namespace: "StaffCase" });
  const e = await getTranslations({ locale, namespace: "Errors" });
  const ref = caseView.row.reference;
  const common = { errorTitle: e("summaryTitle"), errorPrefix: t("Question.errorPrefix") };
  const attach = { label: s("attachLabel"), hint: t("Requests.attachments.limits", { max: UPLOAD_LIMITS.maxFiles }), accept: acceptAttribute };
  const requestKind = isRequestKind(caseView.row.kind);
  const generic = requestKind ? transitions.filter((tr) => !DATA_TRANSITIONS.has(tr.to)) : transitions;
  return (
    <>
      <Breadcrumbs label={s("breadcrumbs")} items={[{ href: localePath(locale, "/staff"), text: t("StaffQueue.title") }, { text: ref }]} />
      {typeof query.done === "string" ? (
        <p role="status" className="mb-6 border-s-4 border-success ps-3 font-semibold">
          {s(`done.${query.done === "note" ? "note" : query.done === "reply" ? "reply" : query.done === "assigned" ? "assigned" : "status"}`)}
        </p>
      ) : null}
      <h1 className="mb-4 text-3xl font-bold">{caseView.title ? <UserText>{caseView.title}</UserText> : translateKey(t, caseView.kind.messages.name)}</h1>
      <CaseSummary t={t} locale={locale} caseView={caseView} views={views} detailsHeading={s("citizenSent")} />
      <SubmissionReceipts caseView={caseView} locale={locale} />
      <CaseAttachments t={t} files={attachments} documentName={submissionDocumentName(caseView, locale)} />
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
            <CaseActionForm action={assignAction} id="assign" hidden={{ reference: ref, back: "case" }} submit={s("assignToMe")} variant="secondary" {...common} />
          )}
          <CaseActionForm
            action={staffMessageAction}
            id="reply"
            hidden={{ reference: ref, type: "reply" }}
            message={{ label: s("replyLabel"), hint: s("replyHint") }}
            submit={s("sendReply")}
            attach={attach}
            {...common}
          />
          <CaseActionForm
            action={staffMessageAction}
            id="note"
            hidden={{ reference: ref, type: "note" }}
            message={{ label: s("noteLabel"), hint: s("noteHint") }}
            submit={s("addNote")}
            variant="secondary"
            {...common}
          />
          {generic.length ? (
            <>
              <h3 className="mb-2 text-lg font-bold">{s("statusHeading")}</h3>
              {generic.map((tr) => (
                <CaseActionForm
                  key={tr.to}
                  action={staffTransitionAction}
                  id={`to-${tr.to}`}
                  hidden={{ reference: ref, to: tr.to }}
                  message={tr.requiresMessage ? { label: s("transitionMessage", { action: translateKey(t, tr.label) }), hint: s("transitionMessageHint") } : undefined}
                  submit={translateKey(t, tr.label)}
                  variant="secondary"
                  attach={tr.requiresMessage && caseView.kind.id === "info-request" && tr.to === "answered" ? attach : undefined}
                  {...common}
                />
              ))}
            </>
          ) : null}
          {requestKind && caseView.mayDecide ? (
            <StaffRequestsPanel t={t} locale={locale} caseView={caseView} extras={await loadStaffExtras({ caseView })} transitions={transitions} common={common} />
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
