"use server";

// Composes two domains (the walk-in citizen of lib/assisted, a procedure's scanned documents of
// lib/catalogue and lib/documents): app/ is where domains meet.

import { redirect } from "next/navigation";
import { refresh } from "next/cache";
import { fileWalkInDocuments } from "@/lib/assisted/walk-in";
import { walkInSessionId } from "@/lib/assisted/forms";
import { getService } from "@/lib/catalogue/catalogue";
import { scannedSubmissionPayload } from "@/lib/catalogue/scanned";
import { documentSubmissionFormSchema } from "@/lib/cases/kinds/document-submission/schema";
import { AppError } from "@/lib/errors";
import { localePath } from "@/lib/i18n/routing";
import { nudgeDispatcher } from "@/lib/notifications/runner";
import { createFormAction } from "@/lib/safe-action";
import { formValue } from "@/lib/text/input";

const asList = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/**
 * At the counter, for a walk-in citizen who confirmed their phone with the code: the agent scans
 * a procedure's documents and sends them. The files are the citizen's (attached by the agent),
 * the case and its signed receipt are the citizen's, filed once per key "at house X by an agent".
 */
export const fileWalkInScansAction = createFormAction({
  schema: documentSubmissionFormSchema.extend({ sessionId: walkInSessionId, removeUpload: formValue.optional() }),
  access: ["agent"],
  audit: false, // lib/assisted audits the filing in its own transaction
  run: async ({ input, actor, locale, ip, files }) => {
    const service = getService(input.service);
    if (!service?.scans) throw new AppError("notFound", { messageKey: "DocumentSubmission.errors.serviceUnknown" });
    try {
      await fileWalkInDocuments({ agent: actor, sessionId: input.sessionId, key: input.draftKey, payload: scannedSubmissionPayload(service, input.municipalityId), files, remove: asList(input.removeUpload), locale, ip });
    } catch (error) {
      // What was kept before a refusal is on the page's checklist: the page is drawn again.
      refresh();
      throw error;
    }
    nudgeDispatcher();
    redirect(`${localePath(locale, `/staff/walk-in/${input.sessionId}`)}?filed=scans`);
  },
});
