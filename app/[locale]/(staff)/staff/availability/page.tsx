import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { localePath } from "@/lib/i18n/routing";
import { canHost, myAvailability } from "@/lib/interviews/host-service";
import { interviewBodyOfAccount, topicsOf } from "@/lib/interviews/topics";
import { ActionForm, type FieldSpec } from "@/components/interviews/action-form";
import { addDayOffAction, removeDayOffAction, saveAvailabilityAction } from "./actions";
import { titled } from "@/lib/i18n/page-title";
import { Ltr, UserText } from "@/components/ui/user-text";
import { pageLocale } from "@/lib/i18n/page-locale";

export const generateMetadata = titled("Availability.title", { robots: { index: false } });

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

/** An official's (or interpreter's) weekly pattern, settings and days off. */
export default async function AvailabilityPage({ params }: PageProps<"/[locale]/staff/availability">) {
  const locale = await pageLocale(params);
  const actor = await requirePageActor(locale, localePath(locale, "/staff/availability"));
  if (!canHost(actor)) notFound();
  const a = await myAvailability({ actor });
  const t = await getTranslations({ locale, namespace: "Availability" });
  const ti = await getTranslations({ locale, namespace: "Interviews" });
  const tb = await getTranslations({ locale, namespace: "Booking" });
  const ui = await getTranslations({ locale, namespace: "Ui" });
  const body = interviewBodyOfAccount(actor.bodyId);
  const weekly: FieldSpec[] = [1, 2, 3, 4, 5, 6, 7].flatMap((d) => {
    const ranges = a.weekly.filter((w) => w.weekday === d);
    return (["a", "b"] as const).flatMap((p, i) => {
      const r = ranges[i];
      const day = t(`weekdays.${d}` as "weekdays.1");
      return [
        { kind: "time", name: `w${d}${p}_from`, label: `${day} — ${t("from")}`, defaultValue: r ? hhmm(r.startMinute) : "", width: "max-w-40" },
        { kind: "time", name: `w${d}${p}_to`, label: `${day} — ${t("to")}`, defaultValue: r ? hhmm(r.endMinute) : "", width: "max-w-40" },
      ] satisfies FieldSpec[];
    });
  });
  return (
    <div className="max-w-3xl">
      <Link href={localePath(locale, "/staff/agenda")} className="link mb-4 inline-block">{tb("back")}</Link>
      <h1 className="mb-2 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6">{t("lead")}</p>
      <section aria-labelledby="settings" className="mb-10">
        <h2 id="settings" className="mb-3 text-2xl font-bold">{t("settingsTitle")} · {t("weeklyTitle")}</h2>
        <p className="mb-4 text-muted">{t("weeklyHint")}</p>
        <ActionForm
          action={saveAvailabilityAction}
          errorTitle={tb("errors.summaryTitle")}
          errorPrefix={ui("errorPrefix")}
          submit={t("save")}
          success={t("saved")}
          fields={[
            { kind: "number", name: "slotMinutes", label: t("slotMinutes"), defaultValue: String(a.settings.slotMinutes), min: 10, max: 120, width: "max-w-32" },
            { kind: "number", name: "bufferMinutes", label: t("bufferMinutes"), defaultValue: String(a.settings.bufferMinutes), min: 0, max: 60, width: "max-w-32" },
            { kind: "number", name: "horizonDays", label: t("horizonDays"), defaultValue: String(a.settings.horizonDays), min: 1, max: 90, width: "max-w-32" },
            { kind: "number", name: "minNoticeHours", label: t("minNoticeHours"), defaultValue: String(Math.round(a.settings.minNoticeMinutes / 60)), min: 0, max: 336, width: "max-w-32" },
            ...(body && actor.role === "official"
              ? [{ kind: "checkboxes", name: "topics", label: t("topics"), options: topicsOf(body).map((x) => ({ value: x, label: ti(`topics.${x}` as "topics.billing") })), defaultValue: a.settings.topics } satisfies FieldSpec]
              : []),
            { kind: "checkboxes", name: "active", label: t("active"), options: [{ value: "on", label: t("active") }], defaultValue: a.settings.active ? ["on"] : [] },
            ...weekly,
          ]}
        />
      </section>
      <section aria-labelledby="exceptions">
        <h2 id="exceptions" className="mb-3 text-2xl font-bold">{t("exceptionsTitle")}</h2>
        {a.exceptions.length === 0 ? <p className="mb-4">{t("exceptionsEmpty")}</p> : (
          <ul className="mb-6 flex flex-col gap-2">
            {a.exceptions.map((e) => (
              <li key={e.id} className="flex flex-wrap items-center gap-3 border-2 border-line p-2">
                <Ltr nowrap>{e.startsOn} → {e.endsOn}</Ltr> {e.reason ? <UserText>{e.reason}</UserText> : null}
                <ActionForm action={removeDayOffAction} errorTitle={tb("errors.summaryTitle")} errorPrefix={ui("errorPrefix")} submit={t("remove")} fields={[{ kind: "hidden", name: "id", value: e.id }]} />
              </li>
            ))}
          </ul>
        )}
        <ActionForm
          action={addDayOffAction}
          errorTitle={tb("errors.summaryTitle")}
          errorPrefix={ui("errorPrefix")}
          submit={t("addException")}
          success={t("saved")}
          fields={[
            { kind: "date", name: "startsOn", label: t("startsOn"), width: "max-w-56" },
            { kind: "date", name: "endsOn", label: t("endsOn"), width: "max-w-56" },
            { kind: "text", name: "reason", label: t("reason") },
          ]}
        />
      </section>
    </div>
  );
}
