"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { parsePayload, requireKind } from "@/lib/cases/engine";
import { pointOf, type MunicipalReportPayload } from "@/lib/cases/kinds/municipal-report";
import { listDraftUploads } from "@/lib/documents/uploads/save";
import { formatDate } from "@/lib/i18n/format";
import { localePath } from "@/lib/i18n/routing";
import { nudgeDispatcher } from "@/lib/notifications/runner";
import { IDEMPOTENCY_KEY } from "@/lib/outbox/idempotency";
import { submitCaseOnce } from "@/lib/outbox/submit";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { createFormAction } from "@/lib/safe-action";
import { onReportFields } from "./report-fields";
import { findSimilarReports, joinReport } from "./reports";
import { text, formValue } from "@/lib/text/input";

/**
 * The municipal report form's one server action (it works without JavaScript):
 * - step "check": the answers are checked, and the page shows them back with open reports of
 *   the same problem nearby ("is it one of these?");
 * - step "send": the report is filed exactly once for the form's idempotency key (with
 *   JavaScript the outbox sends it instead, through POST /api/v1/submissions);
 * - step "join": the citizen is counted among the people affected by an existing report.
 */
export type SimilarReport = { reference: string; status: string; submitted: string; distance: number; affected: number };
export type ReportCheck = { step: "check"; similar: SimilarReport[]; photos: number; values: Record<string, string | string[]> };

const KIND = "municipal-report";

export const reportFormAction = createFormAction({
  schema: z
    .object({
      idempotencyKey: z.string().regex(IDEMPOTENCY_KEY, "Outbox.errors.badKey"),
      step: z.enum(["check", "send"]).default("check"),
      join: text().max(40).optional(),
    })
    .catchall(formValue),
  access: ["citizen"],
  run: async ({ input: { idempotencyKey, step, join, kind: _kind, ...answers }, actor, locale }): Promise<ReportCheck> => {
    const { db } = await getDb();
    const ip = clientIp(await headers());
    const at = await now();
    // A "join" button carries the reference it joins (a button has one name): that is the step.
    if (join) {
      const joined = await joinReport({ db, reference: join, citizen: actor, now: at, ip });
      redirect(`${localePath(locale, `/reports/${joined.reference}`)}?joined=1`);
    }
    let payload: MunicipalReportPayload;
    try {
      payload = parsePayload(requireKind(KIND), answers) as MunicipalReportPayload;
    } catch (error) {
      throw onReportFields(error);
    }
    if (step === "send") {
      const { result, replayed } = await submitCaseOnce({ db, actor: actor, key: idempotencyKey, kind: KIND, payload: answers, locale, now: at, ip });
      if (!replayed) nudgeDispatcher();
      redirect(`${localePath(locale, `/my/cases/${result.reference}`)}?sent=1`);
    }
    const [similar, photos] = await Promise.all([
      findSimilarReports({ db, category: payload.category, governorate: payload.governorate, delegation: payload.delegation, point: pointOf(payload) }),
      listDraftUploads({ db, ownerId: actor.userId, draftKey: idempotencyKey }),
    ]);
    return {
      step: "check",
      photos: photos.length,
      values: answers as Record<string, string | string[]>,
      similar: similar.map((s) => ({ reference: s.reference, status: s.status, submitted: formatDate(s.submittedAt, locale, "date"), distance: s.distance, affected: s.supporters + 1 })),
    };
  },
});
