import { getTranslations } from "next-intl/server";
import { autoRun } from "@/lib/i18n/bidi";
import { endGuidanceAction } from "@/lib/assisted/guidance-actions";
import type { GuidanceSession, GuidanceState } from "@/lib/assisted/guidance";
import { getHouse } from "@/lib/houses/houses";
import { localized } from "@/lib/i18n/content";
import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import { Form } from "@/components/forms/form";
import { Submit } from "@/components/forms/fields";
import { StatusTag } from "@/components/ui/status-tag";

type Row = GuidanceSession & { volunteerName: string | null; state: GuidanceState };

/** The citizen's guidance sessions, in their file: who guided them, where, when; a running one can be ended here. */
export async function GuidanceSessions({ locale, sessions }: { locale: Locale; sessions: Row[] }) {
  if (sessions.length === 0) return null;
  const t = await getTranslations({ locale, namespace: "Guidance" });
  return (
    <section aria-labelledby="guidance-heading" className="mb-8">
      <h2 id="guidance-heading" className="mb-4 text-2xl font-bold">
        {t("myFile.heading")}
      </h2>
      <ul className="flex flex-col gap-3">
        {sessions.map((s) => {
          const house = s.houseId ? getHouse(s.houseId) : undefined;
          return (
            <li key={s.id} className="border-2 border-line bg-white p-4" data-testid="guidance-session">
              <p className="mb-1">
                <StatusTag tone={s.state === "active" ? "green" : "grey"}>{t(`states.${s.state}`)}</StatusTag>
              </p>
              <p>
                {t("myFile.with", { name: autoRun(s.volunteerName ?? t("volunteerNoName")) })}
                {house ? <> {t("myFile.atHouse", { house: localized(house.name, locale) })}</> : null}
              </p>
              <p className="text-sm">
                {t("myFile.from", { date: formatDate(s.consentedAt ?? s.createdAt, locale, "dateTime") })}
                {s.endedAt ? <>, {t("myFile.until", { date: formatDate(s.endedAt, locale, "dateTime") })}</> : null}
              </p>
              {s.state === "active" ? (
                <Form action={endGuidanceAction} id={`end-${s.id}`} hidden={{ sessionId: s.id }} className="mt-2">
                  <Submit variant="warning">{t("myFile.end")}</Submit>
                </Form>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
