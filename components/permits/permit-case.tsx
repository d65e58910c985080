import { getTranslations } from "next-intl/server";
import type { CaseActor } from "@/lib/cases/engine";
import type { PermitPayload } from "@/lib/cases/kinds/permit/schema";
import type { CaseView } from "@/lib/cases/read";
import { permitDecisionFor } from "@/lib/documents/permit-decision-access";
import { acceptAttribute } from "@/lib/documents/uploads/limits";
import { formatDate } from "@/lib/i18n/format";
import { localePath, type Locale } from "@/lib/i18n/routing";
import { addPermitDocumentsAction, commissionAction, opinionAction } from "@/lib/permits/actions";
import { commissionCandidates, commissionsOfCase } from "@/lib/permits/commission";
import { meetingRoleOf, meetingState } from "@/lib/permits/meeting";
import { now } from "@/lib/clock";
import { PERMIT_FILE_LIMITS, fileField } from "@/lib/permits/drafts";
import { OPINIONS } from "@/lib/permits/forms";
import { decisionDays } from "@/lib/cases/kinds/permit/rules";
import { Form } from "@/components/forms/form";
import { Checkboxes, FileInput, Radios, Submit, TextArea, TextInput } from "@/components/forms/fields";
import { buttonClass } from "@/components/ui/button";
import { Ltr, UserText } from "@/components/ui/user-text";

/**
 * A building permit on its case pages (issue 17): the clock as the law counts it (not started
 * before the file is complete; the date due; overdue), the citizen's addition of documents the
 * municipality asked for, the signed decision, and — for staff — the technical commission.
 */
async function PermitClock({ caseView, locale }: { caseView: CaseView; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "Permits" });
  const c = caseView.row;
  const p = c.payload as PermitPayload;
  let text: string | null = null;
  if (c.clock === "paused") text = t("clock.notStarted", { days: decisionDays(p) });
  else if (c.clock === "running" && c.dueAt) text = caseView.deadline === "overdue" ? t("clock.overdue", { date: formatDate(c.dueAt, locale, "date") }) : t("clock.due", { date: formatDate(c.dueAt, locale, "date") });
  if (!text) return null;
  return (
    <p className={`mb-6 border-s-4 ps-3 font-semibold ${caseView.deadline === "overdue" ? "border-danger" : "border-brand"}`} data-permit-clock={c.clock}>
      {text}
    </p>
  );
}

async function PermitDecision({ caseView, locale }: { caseView: CaseView; locale: Locale }) {
  if (!caseView.state.final || caseView.row.status === "withdrawn") return null;
  const doc = await permitDecisionFor(caseView.row.id);
  if (!doc) return null;
  const t = await getTranslations({ locale, namespace: "Permits" });
  return (
    <section aria-labelledby="decision-heading" className="mb-8">
      <h2 id="decision-heading" className="mb-2 text-xl font-bold">
        {t("decision.heading")}
      </h2>
      <p className="mb-2 font-semibold">{t(`pdf.${doc.data.decision}`)}</p>
      {doc.data.text ? (
        <UserText as="p" className="mb-4 whitespace-pre-line">
          {doc.data.text}
        </UserText>
      ) : null}
      <p className="mb-4">
        <a className={buttonClass("primary")} href={`/api/permit-decisions/${encodeURIComponent(caseView.row.reference)}?lang=${locale}`} download>
          {t("decision.download")}
        </a>
      </p>
      <p>
        {t("decision.codeLabel")}{" "}
        <a className="link font-mono font-semibold" href={localePath(locale, `/verify/${doc.code}`)} data-decision-code={doc.code}>
          <Ltr>{doc.code}</Ltr>
        </a>
      </p>
    </section>
  );
}

export async function PermitCitizenPanel({ caseView, locale, added }: { caseView: CaseView; locale: Locale; added: boolean }) {
  if (caseView.row.kind !== "permit") return null;
  const t = await getTranslations({ locale, namespace: "Permits" });
  const p = caseView.row.payload as PermitPayload;
  return (
    <>
      <PermitClock caseView={caseView} locale={locale} />
      {added ? (
        <p role="status" className="mb-6 border-s-4 border-success ps-3 font-semibold">
          {t("addition.done")}
        </p>
      ) : null}
      {caseView.row.status === "documentsRequested" ? (
        <section aria-labelledby="addition-heading" className="mb-8 max-w-2xl">
          <h2 id="addition-heading" className="mb-2 text-xl font-bold">
            {t("addition.heading")}
          </h2>
          <p className="mb-4">{t("addition.intro")}</p>
          <Form action={addPermitDocumentsAction} schema="permit-addition" id="addition" hidden={{ reference: caseView.row.reference }} errors={["Permits", "Uploads", "Cases"]}>
            {p.documents.map((d) => (
              <FileInput key={d} name={fileField(d)} label={t(`documents.${d}`)} hint={t("hints.file", { max: PERMIT_FILE_LIMITS.perDocument })} accept={acceptAttribute} multiple />
            ))}
            <Submit>{t("addition.submit")}</Submit>
          </Form>
        </section>
      ) : null}
      <PermitDecision caseView={caseView} locale={locale} />
    </>
  );
}

export async function PermitStaffPanel({ caseView, locale, actor, done }: { caseView: CaseView; locale: Locale; actor: CaseActor; done: string | undefined }) {
  if (caseView.row.kind !== "permit") return null;
  const t = await getTranslations({ locale, namespace: "Permits" });
  const c = caseView.row;
  const sessions = await commissionsOfCase(c.id);
  const candidates = caseView.mayDecide && (c.status === "underReview" || c.status === "commission") ? await commissionCandidates(c.bodyId) : [];
  const latest = sessions.at(-1);
  const mine = latest?.members.find((m) => m.id === actor.userId);
  // The latest session's meeting room: "join" for its members (and admins) while it is open.
  const meeting = latest && meetingRoleOf({ userId: actor.userId, role: actor.role, memberIds: latest.members.map((m) => m.id) }) ? meetingState({ meetsAt: latest.meetsAt, caseStatus: c.status, now: await now() }) : null;
  return (
    <>
      <PermitClock caseView={caseView} locale={locale} />
      <PermitDecision caseView={caseView} locale={locale} />
      {done === "commission" || done === "opinion" ? (
        <p role="status" className="mb-6 border-s-4 border-success ps-3 font-semibold">
          {t(done === "commission" ? "commission.done" : "commission.opinionDone")}
        </p>
      ) : null}
      {sessions.length || candidates.length ? (
        <section aria-labelledby="commission-heading" className="mb-8 max-w-2xl">
          <h2 id="commission-heading" className="mb-2 text-xl font-bold">
            {t("commission.heading")}
          </h2>
          {sessions.map((s) => (
            <div key={s.id} className="mb-4" data-commission={s.id}>
              <h3 className="mb-1 font-bold">{t("commission.session", { date: formatDate(s.meetsAt, locale, "dateTime") })}</h3>
              <ul className="list-disc ps-6">
                {s.members.map((m) => (
                  <li key={m.id} data-member-opinion={m.opinion ?? "none"}>
                    <UserText>{m.name ?? "—"}</UserText>: {m.opinion ? t(`commission.opinions.${m.opinion}` as never) : t("commission.none")}
                    {m.remarks ? (
                      <>
                        {" — "}
                        <UserText>{m.remarks}</UserText>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            </div>
          ))}
          {latest ? <p className="mb-4 text-sm text-muted">{t("commission.remote")}</p> : null}
          {meeting === "open" ? (
            <div className="mb-6 border-s-4 border-brand ps-3">
              <p className="mb-2">{t("commission.joinHint")}</p>
              <a className={buttonClass("primary")} href={localePath(locale, `/staff/cases/${encodeURIComponent(c.reference)}/commission/${latest!.id}`)}>
                {t("commission.join")}
              </a>
            </div>
          ) : meeting === "notYet" ? (
            <p className="mb-4 font-semibold">{t("commission.roomNotYet")}</p>
          ) : null}
          {mine && c.status === "commission" ? (
            <Form action={opinionAction} schema="permit-opinion" id="opinion" errors={["Permits", "Cases"]} hidden={{ reference: c.reference, commission: latest!.id }} className="mb-6">
              <Radios name="opinion" label={t("commission.opinion")} defaultValue={mine.opinion ?? undefined} options={OPINIONS.map((o) => ({ value: o, label: t(`commission.opinions.${o}`) }))} />
              <TextArea name="remarks" label={t("commission.remarks")} defaultValue={mine.remarks} rows={3} />
              <Submit>{t("commission.give")}</Submit>
            </Form>
          ) : null}
          {candidates.length ? (
            <Form action={commissionAction} schema="permit-commission" id="commission" errors={["Permits", "Cases"]} hidden={{ reference: c.reference }}>
              <TextInput name="meetsAt" type="datetime-local" label={t("commission.meetsAt")} className="w-64" dir="ltr" />
              <Checkboxes name="members" label={t("commission.members")} hint={t("commission.membersHint")} options={candidates.map((u) => ({ value: u.id, label: <UserText>{u.name ?? "—"}</UserText> }))} />
              <Submit variant="secondary">{t("commission.convene")}</Submit>
            </Form>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

/** For the case's file list: the document of the file each attachment is. */
export async function permitDocumentName(caseView: CaseView, locale: Locale): Promise<((slot: string) => string) | undefined> {
  if (caseView.row.kind !== "permit") return undefined;
  const t = await getTranslations({ locale, namespace: "Permits" });
  return (slot) => (t.has(`documents.${slot}` as never) ? t(`documents.${slot}` as never) : slot);
}
