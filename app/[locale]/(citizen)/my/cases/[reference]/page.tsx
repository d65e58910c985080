import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/session";
import { citizenMessageAction } from "@/lib/cases/actions";
import { loadCitizenCase } from "@/lib/cases/queries";
import { localePath } from "@/lib/i18n/routing";
import { Form } from "@/components/forms/form";
import { Submit, TextArea } from "@/components/forms/fields";
import { CertificateDownload } from "@/components/cases/certificate-download";
import { DocumentAdditionForm, SubmissionReceipts, submissionDocumentName } from "@/components/cases/submission-receipts";
import { addScannedDocumentsAction } from "@/lib/catalogue/scanned-actions";
import { CaseSummary } from "@/components/cases/case-summary";
import { PermitCitizenPanel, permitDocumentName } from "@/components/permits/permit-case";
import { CaseGuidanceNote } from "@/components/assisted/case-guidance-note";
import { CaseTimeline } from "@/components/cases/case-timeline";
import { CaseAttachments } from "@/components/cases/case-attachments";
import { rootTranslator, translateKey } from "@/components/cases/labels";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { isRequestKind, loadAfterSending } from "@/lib/requests/after-sending";
import { AfterSending } from "@/components/requests/after-sending";
import { SentDraftCleared } from "@/components/outbox/sent-draft";
import { titled } from "@/lib/i18n/page-title";
import { Ltr, UserText } from "@/components/ui/user-text";
import { pageLocale } from "@/lib/i18n/page-locale";

// Personal: rendered for each request, never prerendered or cached.
export const dynamic = "force-dynamic";
// [locale]/layout.tsx turns dynamic params off for locales; references are open-ended.
export const dynamicParams = true;

export const generateMetadata = titled("Titles.case", { robots: { index: false, follow: false } });

export default async function CitizenCasePage({ params, searchParams }: PageProps<"/[locale]/my/cases/[reference]">) {
  const locale = await pageLocale(params);
  const { reference } = await params;
  const actor = await requirePageActor(locale, localePath(locale, `/my/cases/${encodeURIComponent(reference)}`), { roles: ["citizen"] });
  const loaded = await loadCitizenCase({ actor, reference });
  if (!loaded) notFound();
  const { caseView, events, views, attachments } = loaded;
  const query = await searchParams;
  const t = await rootTranslator(locale);
  const title = caseView.title || translateKey(t, caseView.kind.messages.name);
  return (
    <>
      <Breadcrumbs label={t("MyFile.breadcrumbs")} items={[{ href: localePath(locale, "/my"), text: t("MyFile.title") }, { text: caseView.row.reference }]} />
      {query.sent === "1" ? (
        <div role="status" className="mb-8 bg-success p-6 text-center text-white">
          <h2 className="mb-2 text-2xl font-bold">{t("Cases.sent.title")}</h2>
          <p className="text-lg">
            {t("Cases.sent.reference")}
            <br />
            <strong className="text-3xl">
              <Ltr nowrap>{caseView.row.reference}</Ltr>
            </strong>
          </p>
        </div>
      ) : null}
      {query.done ? (
        <p role="status" className="mb-6 border-s-4 border-success ps-3 font-semibold">
          {t("Cases.done")}
        </p>
      ) : null}
      <h1 className="mb-4 text-3xl font-bold">{caseView.title ? <UserText>{title}</UserText> : title}</h1>
      {query.sent === "1" ? (
        <>
          <p className="mb-6 max-w-2xl">{t("Cases.sent.next")}</p>
          <SentDraftCleared userId={actor.userId} kind={caseView.row.kind} locale={locale} />
        </>
      ) : null}
      <CaseGuidanceNote locale={locale} row={caseView.row} />
      <CaseSummary t={t} locale={locale} caseView={caseView} views={views} />
      {query.added && caseView.row.kind === "document-submission" ? (
        <p role="status" className="mb-6 border-s-4 border-success ps-3 font-semibold">
          {t("DocumentSubmission.addition.done")}
        </p>
      ) : null}
      <CertificateDownload caseView={caseView} locale={locale} />
      <SubmissionReceipts caseView={caseView} locale={locale} />
      <DocumentAdditionForm caseView={caseView} locale={locale} action={addScannedDocumentsAction} />
      <PermitCitizenPanel caseView={caseView} locale={locale} added={Boolean(query.added)} />
      <CaseAttachments t={t} files={attachments} documentName={submissionDocumentName(caseView, locale) ?? (await permitDocumentName(caseView, locale))} />
      {isRequestKind(caseView.row.kind) ? (
        <AfterSending t={t} locale={locale} caseView={caseView} extras={await loadAfterSending({ actor, caseView })} />
      ) : null}
      <section aria-labelledby="timeline-heading" className="mb-8">
        <h2 id="timeline-heading" className="mb-4 text-xl font-bold">
          {t("Cases.timeline")}
        </h2>
        <CaseTimeline t={t} locale={locale} caseView={caseView} events={events} />
      </section>
      {!caseView.row.closedAt ? (
        <section aria-labelledby="add-heading" className="mb-8 max-w-2xl">
          <h2 id="add-heading" className="mb-4 text-xl font-bold">
            {t("Cases.citizen.addHeading")}
          </h2>
          <Form action={citizenMessageAction} id="add" schema="case-citizen-message" errors={["Cases"]} hidden={{ reference: caseView.row.reference }} className="mb-6">
            <TextArea name="message" label={t("Cases.citizen.messageLabel")} hint={t("Cases.citizen.messageHint")} rows={5} />
            <Submit>{t("Cases.citizen.send")}</Submit>
          </Form>
        </section>
      ) : null}
    </>
  );
}
