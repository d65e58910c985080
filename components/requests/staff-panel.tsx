import type { LegalTimeline } from "@/lib/cases/kinds/info-request/law-2016-22";
import { refusalReasons } from "@/lib/cases/kinds/info-request";
import { complaintBodyIds } from "@/lib/cases/kinds/complaint/categories";
import type { CaseView } from "@/lib/cases/read";
import { moderateReportAction, staffDataTransitionAction, staffExtendAction, staffRedirectAction } from "@/lib/requests/staff-actions";
import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import { bodyName, translateKey, type Tr } from "@/components/cases/labels";
import { ActionForm } from "./action-form";

type Extras = { law: LegalTimeline | null; report: { affected: number; approved: boolean; hidden: boolean; reason: string | null } | null; redirectable: boolean };

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
      {extras.report ? <p className="mb-4 font-semibold">{t("PublicReports.affected", { count: extras.report.affected })}</p> : null}
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
        </>
      ) : null}
    </section>
  );
}
