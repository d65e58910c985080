import type { LegalTimeline } from "@/lib/cases/kinds/info-request/law-2016-22";
import { refusalReasons } from "@/lib/cases/kinds/info-request";
import { complaintBodyIds } from "@/lib/cases/kinds/complaint/categories";
import type { CaseView } from "@/lib/cases/read";
import type { StaffReportExtras } from "@/lib/requests/after-sending";
import { moderateReportAction, moderateReportPhotoAction, staffDataTransitionAction, staffExtendAction, staffRedirectAction } from "@/lib/requests/staff-actions";
import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import { bodyName, municipalityGroups, translateKey, type Tr } from "@/components/cases/labels";
import { GENERIC_MUNICIPALITY } from "@/lib/municipalities/municipalities";
import { Form } from "@/components/forms/form";
import { Checkbox, Select, Submit, TextArea, TextInput } from "@/components/forms/fields";

type Extras = { law: LegalTimeline | null; report: StaffReportExtras | null; redirectable: boolean };

/** Transitions that carry facts get their own forms here; the generic list leaves them out. */
export const DATA_TRANSITIONS = new Set(["refused", "forwarded"]);

export function StaffRequestsPanel({ t, locale, caseView, extras, transitions }: { t: Tr; locale: Locale; caseView: CaseView; extras: Extras; transitions: { to: string; label: string }[] }) {
  const ref = caseView.row.reference;
  const msg = <TextArea name="message" label={t("StaffRequests.messageLabel")} hint={t("StaffRequests.messageHint")} rows={4} />;
  const errors = ["Cases"];
  const form = "mb-6 border-t-2 border-line pt-4";
  const law = extras.law;
  return (
    <section aria-labelledby="requests-staff-heading" className="mb-8">
      <h3 id="requests-staff-heading" className="mb-2 text-lg font-bold">
        {t("StaffRequests.heading")}
      </h3>
      {law ? (
        <p className="mb-4">
          {t("StaffRequests.lawDates", { due: formatDate(law.answerDueAt, locale, "dateTime"), redirect: formatDate(law.redirectUntil, locale, "dateTime") })}
        </p>
      ) : null}
      {extras.report ? <p className="mb-4 font-semibold" data-affected>{t("PublicReports.affected", { count: extras.report.affected })}</p> : null}
      {transitions.some((x) => x.to === "refused") ? (
        <Form action={staffDataTransitionAction} id="refuse" schema="request-refuse-forward" errors={errors} hidden={{ reference: ref, to: "refused" }} className={form}>
          <Select name="reason" label={t("StaffRequests.reason")} placeholder="—" options={refusalReasons.map((r) => ({ value: r, label: t(`InfoRequest.refusal.${r}`) }))} />
          {msg}
          <Submit variant="warning">{translateKey(t, "Requests.actions.refuse")}</Submit>
        </Form>
      ) : null}
      {transitions.some((x) => x.to === "forwarded") ? (
        <Form action={staffDataTransitionAction} id="forward" schema="request-refuse-forward" errors={errors} hidden={{ reference: ref, to: "forwarded" }} className={form}>
          <TextInput name="epeopleReference" label={t("StaffRequests.epeopleReference")} hint={t("StaffRequests.epeopleHint")} maxLength={60} />
          {msg}
          <Submit variant="secondary">{translateKey(t, "Requests.actions.forwardToEpeople")}</Submit>
        </Form>
      ) : null}
      {extras.redirectable ? (
        <Form action={staffRedirectAction} id="redirect" schema="request-redirect" errors={errors} hidden={{ reference: ref }} className={form}>
          <Select
            name="toBodyId"
            label={t("StaffRequests.redirectTo")}
            placeholder="—"
            // Not "the municipality" in general: a town's own municipality (lib/municipalities).
            options={complaintBodyIds().filter((b) => b !== caseView.row.bodyId && b !== GENERIC_MUNICIPALITY).map((b) => ({ value: b, label: bodyName(t, b) }))}
            groups={t.locale ? municipalityGroups(t.locale).map((g) => ({ ...g, options: g.options.filter((o) => o.value !== caseView.row.bodyId) })) : []}
          />
          {msg}
          <Submit variant="secondary">{t("StaffRequests.redirect")}</Submit>
        </Form>
      ) : null}
      {law?.canExtend ? (
        <Form action={staffExtendAction} id="extend" schema="request-extend" errors={errors} hidden={{ reference: ref }} className={form}>
          {msg}
          <Submit variant="secondary">{t("StaffRequests.extend")}</Submit>
        </Form>
      ) : null}
      {extras.report ? (
        <>
          <p className="mb-2">{extras.report.hidden ? t("StaffRequests.hidden", { reason: extras.report.reason ?? "" }) : extras.report.approved ? t("StaffRequests.approved") : t("StaffRequests.notApproved")}</p>
          {!extras.report.approved ? (
            <Form action={moderateReportAction} id="approve" errors={errors} hidden={{ reference: ref, action: "approve" }} className={form}>
              <Submit variant="secondary">{t("StaffRequests.approve")}</Submit>
            </Form>
          ) : null}
          {!extras.report.hidden ? (
            <Form action={moderateReportAction} id="hide" schema="report-moderate" errors={errors} hidden={{ reference: ref, action: "hide" }} className={form}>
              <TextInput name="reason" label={t("StaffRequests.hideReason")} maxLength={500} />
              <Checkbox name="abusive" label={t("StaffRequests.abusive")} />
              <Submit variant="warning">{t("StaffRequests.hide")}</Submit>
            </Form>
          ) : (
            <Form action={moderateReportAction} id="restore" errors={errors} hidden={{ reference: ref, action: "restore" }} className={form}>
              <Submit variant="secondary">{t("StaffRequests.restore")}</Submit>
            </Form>
          )}
          {extras.report.photos.length ? (
            <>
              <h4 className="mb-2 mt-6 text-lg font-bold">{t("StaffRequests.photosHeading")}</h4>
              <ul className="flex flex-col gap-4">
                {extras.report.photos.map((p, i) => (
                  <li key={p.id} className="border-s-4 border-line ps-3">
                    <a href={`/api/files/${p.id}`} className="inline-block">
                      <img src={`/api/files/${p.id}`} alt={t("StaffRequests.photoAlt", { n: i + 1 })} width={200} height={150} className="h-36 w-48 object-cover" />
                    </a>
                    <p className="my-1">{p.hiddenAt ? t("StaffRequests.photoHidden", { reason: p.hiddenReason ?? "" }) : p.publicAt ? t("StaffRequests.photoPublic") : t("StaffRequests.photoNotPublic")}</p>
                    {p.location ? <p className="mb-1 text-muted">{t("StaffRequests.photoLocation", { lat: p.location.lat.toFixed(5), lon: p.location.lon.toFixed(5) })}</p> : null}
                    {p.hiddenAt ? (
                      <Form action={moderateReportPhotoAction} id={`photo-show-${i + 1}`} errors={errors} hidden={{ reference: ref, uploadId: p.id, action: "approve" }} className={form}>
                        <Submit variant="secondary">{t("StaffRequests.showPhoto")}</Submit>
                      </Form>
                    ) : (
                      <Form action={moderateReportPhotoAction} id={`photo-hide-${i + 1}`} schema="report-photo-moderate" errors={errors} hidden={{ reference: ref, uploadId: p.id, action: "hide" }} className={form}>
                        <TextInput name="reason" label={t("StaffRequests.hideReason")} maxLength={500} />
                        <Submit variant="warning">{t("StaffRequests.hidePhoto")}</Submit>
                      </Form>
                    )}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
