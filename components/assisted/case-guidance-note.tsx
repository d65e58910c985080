import { getTranslations } from "next-intl/server";
import { autoRun } from "@/lib/i18n/bidi";
import { loadCaseGuidance } from "@/lib/assisted/volunteer-view";
import { getHouse } from "@/lib/houses/houses";
import { localized } from "@/lib/i18n/content";
import type { Locale } from "@/lib/i18n/routing";

/** On a case filed in a guidance session: "sent with the help of volunteer X at house Y" (issue 18). */
export async function CaseGuidanceNote({ locale, row }: { locale: Locale; row: { id: string; volunteerId: string | null } }) {
  const guided = await loadCaseGuidance(row);
  if (!guided) return null;
  const t = await getTranslations({ locale, namespace: "Guidance" });
  const house = guided.houseId ? getHouse(guided.houseId) : undefined;
  // The volunteer's name is user text: isolated inside the sentence.
  const name = autoRun(guided.volunteerName ?? t("volunteerNoName"));
  return (
    <p className="mb-6 max-w-2xl border-s-4 border-brand ps-3" data-testid="case-guidance">
      {house ? t("onCase.helped", { name, house: localized(house.name, locale) }) : t("onCase.helpedNoHouse", { name })}
    </p>
  );
}
