"use server";
import { redirect } from "next/navigation";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { localePath } from "@/lib/i18n/routing";
import { isMunicipalityBody } from "@/lib/municipalities/municipalities";
import { saveApplication } from "@/lib/permits/drafts";
import { applicationFormSchema } from "@/lib/permits/forms";
import { createFormAction } from "@/lib/safe-action";

/**
 * The permit's application form (issue 17). Here, not in lib/permits: it composes two domains —
 * the municipality of the plot (lib/municipalities, whose staff will decide) and the draft.
 */
export const saveApplicationAction = createFormAction({
  schema: applicationFormSchema,
  access: ["citizen"],
  run: async ({ input, actor, locale }) => {
    const { draft, townPlanUnderStudy, protectedSite, ...rest } = input;
    if (rest.municipality !== undefined && !isMunicipalityBody(rest.municipality)) throw new AppError("validation", { fields: { municipality: "Permits.errors.municipality" } });
    const yes = (v: "yes" | "no" | undefined) => (v === undefined ? undefined : v === "yes");
    await saveApplication({ userId: actor.userId, draftId: draft, answers: { ...rest, townPlanUnderStudy: yes(townPlanUnderStudy), protectedSite: yes(protectedSite) }, now: await now() });
    redirect(`${localePath(locale, `/permits/${draft}`)}?saved=application`);
  },
});
