import type { LegalTimeline } from "@/lib/cases/kinds/info-request/law-2016-22";
import { refusalReasons } from "@/lib/cases/kinds/info-request";
import { complaintBodyIds } from "@/lib/cases/kinds/complaint/categories";
import type { CaseView } from "@/lib/cases/read";
import type { StaffReportExtras } from "@/lib/requests/after-sending";
import { moderateReportAction, moderateReportPhotoAction, staffDataTransitionAction, staffExtendAction, staffRedirectAction } from "@/lib/requests/staff-actions";
import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import { bodyName, translateKey, type Tr } from "@/components/cases/labels";
import { ActionForm } from "./action-form";

type Extras = { law: LegalTimeline | null; report: StaffReportExtras | null; redirectable: boolean };

/** Transitions that carry facts get their own forms here; the generic list leaves them out. */
export const DATA_TRANSITIONS = new Set(["refused", "forwarded"]);

export function StaffRequestsPanel({ t, locale, caseView, extras, transitions, common }: {
  t: Tr;
  locale: Locale;
  caseView: CaseView;
  extras: Extras;
  transitions: { to: string; label: string }[];
  common: { errorTitle: string; errorPrefix: string };
}) {
  const ref = caseView.row.reference;
  const msg = { type: "textarea" as const, name: "message", label: t("StaffRequests.messageLabel"), hint: t("StaffRequests.messageHint") };
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
        <ActionForm
          action={staffDataTransitionAction}
          id="refuse"
          hidden={{ reference: ref, to: "refused" }}
          fields={[
            { type: "select", name: "reason", label: t("StaffRequests.reason"), placeholder: "—", options: refusalReasons.map((r) => ({ value: r, label: t(`InfoRequest.refusal.${r}`) })) },
            msg,
          ]}
          submit={translateKey(t, "Requests.actions.refuse")}
          variant="warning"
          {...common}
        />
      ) : null}
      {transitions.some((x) => x.to === "forwarded") ? (
        <ActionForm
          action={staffDataTransitionAction}
          id="forward"
          hidden={{ reference: ref, to: "forwarded" }}
          fields={[{ type: "text", name: "epeopleReference", label: t("StaffRequests.epeopleReference"), hint: t("StaffRequests.epeopleHint") }, msg]}
          submit={translateKey(t, "Requests.actions.forwardToEpeople")}
          {...common}
        />
      ) : null}
      {extras.redirectable ? (
        <ActionForm
          action={staffRedirectAction}
          id="redirect"
          hidden={{ reference: ref }}
          fields={[
            {
              type: "select",
              name: "toBodyId",
              label: t("StaffRequests.redirectTo"),
              placeholder: "—",
              options: complaintBodyIds.filter((b) => b !== caseView.row.bodyId).map((b) => ({ value: b, label: bodyName(t, b) })),
            },
            msg,
          ]}
          submit={t("StaffRequests.redirect")}
          {...common}
        />
      ) : null}
      {law?.canExtend ? (
        <ActionForm action={staffExtendAction} id="extend" hidden={{ reference: ref }} fields={[msg]} submit={t("StaffRequests.extend")} {...common} />
      ) : null}
      {extras.report ? (
        <>
          <p className="mb-2">{extras.report.hidden ? t("StaffRequests.hidden", { reason: extras.report.reason ?? "" }) : extras.report.approved ? t("StaffRequests.approved") : t("StaffRequests.notApproved")}</p>
          {!extras.report.approved ? <ActionForm action={moderateReportAction} id="approve" hidden={{ reference: ref, action: "approve" }} fields={[]} submit={t("StaffRequests.approve")} {...common} /> : null}
          {!extras.report.hidden ? (
            <ActionForm
              action={moderateReportAction}
              id="hide"
              hidden={{ reference: ref, action: "hide" }}
              fields={[
                { type: "text", name: "reason", label: t("StaffRequests.hideReason") },
                { type: "checkbox", name: "abusive", label: t("StaffRequests.abusive") },
              ]}
              submit={t("StaffRequests.hide")}
              variant="warning"
              {...common}
            />
          ) : (
            <ActionForm action={moderateReportAction} id="restore" hidden={{ reference: ref, action: "restore" }} fields={[]} submit={t("StaffRequests.restore")} {...common} />
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
                      <ActionForm action={moderateReportPhotoAction} id={`photo-show-${i + 1}`} hidden={{ reference: ref, uploadId: p.id, action: "approve" }} fields={[]} submit={t("StaffRequests.showPhoto")} variant="secondary" {...common} />
                    ) : (
                      <ActionForm
                        action={moderateReportPhotoAction}
                        id={`photo-hide-${i + 1}`}
                        hidden={{ reference: ref, uploadId: p.id, action: "hide" }}
                        fields={[{ type: "text", name: "reason", label: t("StaffRequests.hideReason") }]}
                        submit={t("StaffRequests.hidePhoto")}
                        variant="warning"
                        {...common}
                      />
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
