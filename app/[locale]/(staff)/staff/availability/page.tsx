import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { localePath } from "@/lib/i18n/routing";
import { canHost, myAvailability } from "@/lib/interviews/host-service";
import { interviewBodyOfAccount, topicsOf } from "@/lib/interviews/topics";
import { Form } from "@/components/forms/form";
import { Checkbox, Checkboxes, Submit, TextInput } from "@/components/forms/fields";
import { RANGES, WEEKDAYS } from "@/lib/interviews/forms";
import { addDayOffAction, removeDayOffAction, saveAvailabilityAction } from "@/lib/interviews/actions/availability";
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
  const body = interviewBodyOfAccount(actor.bodyId);
  const weekly = WEEKDAYS.flatMap((d) => {
    const ranges = a.weekly.filter((w) => w.weekday === d);
    const day = t(`weekdays.${d}` as "weekdays.1");
    return RANGES.flatMap((p, i) => {
      const r = ranges[i];
      return [
        <TextInput key={`${d}${p}f`} type="time" name={`w${d}${p}_from`} label={`${day} — ${t("from")}`} defaultValue={r ? hhmm(r.startMinute) : ""} className="max-w-40" />,
        <TextInput key={`${d}${p}t`} type="time" name={`w${d}${p}_to`} label={`${day} — ${t("to")}`} defaultValue={r ? hhmm(r.endMinute) : ""} className="max-w-40" />,
      ];
    });
  });
  const number = (name: string, value: number, min: number, max: number) => <TextInput name={name} label={t(name as "slotMinutes")} type="number" inputMode="numeric" min={min} max={max} defaultValue={String(value)} className="max-w-32" />;
  return (
    <div className="max-w-3xl">
      <Link href={localePath(locale, "/staff/agenda")} className="link mb-4 inline-block">{tb("back")}</Link>
      <h1 className="mb-2 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6">{t("lead")}</p>
      <section aria-labelledby="settings" className="mb-10">
        <h2 id="settings" className="mb-3 text-2xl font-bold">{t("settingsTitle")} · {t("weeklyTitle")}</h2>
        <p className="mb-4 text-muted">{t("weeklyHint")}</p>
        <Form action={saveAvailabilityAction} id="weekly" schema="availability" errors={["Availability"]} success={t("saved")}>
          {number("slotMinutes", a.settings.slotMinutes, 10, 120)}
          {number("bufferMinutes", a.settings.bufferMinutes, 0, 60)}
          {number("horizonDays", a.settings.horizonDays, 1, 90)}
          {number("minNoticeHours", Math.round(a.settings.minNoticeMinutes / 60), 0, 336)}
          {body && actor.role === "official" ? (
            <Checkboxes name="topics" label={t("topics")} options={topicsOf(body).map((x) => ({ value: x, label: ti(`topics.${x}` as "topics.billing") }))} defaultValue={a.settings.topics} />
          ) : null}
          <Checkbox name="active" value="on" label={t("active")} defaultChecked={a.settings.active} />
          {weekly}
          <Submit>{t("save")}</Submit>
        </Form>
      </section>
      <section aria-labelledby="exceptions">
        <h2 id="exceptions" className="mb-3 text-2xl font-bold">{t("exceptionsTitle")}</h2>
        {a.exceptions.length === 0 ? <p className="mb-4">{t("exceptionsEmpty")}</p> : (
          <ul className="mb-6 flex flex-col gap-2">
            {a.exceptions.map((e) => (
              <li key={e.id} className="flex flex-wrap items-center gap-3 border-2 border-line p-2">
                <Ltr nowrap>{e.startsOn} → {e.endsOn}</Ltr> {e.reason ? <UserText>{e.reason}</UserText> : null}
                <Form action={removeDayOffAction} id={`remove-${e.id}`} errors={["Availability"]} hidden={{ id: e.id }}>
                  <Submit>{t("remove")}</Submit>
                </Form>
              </li>
            ))}
          </ul>
        )}
        <Form action={addDayOffAction} id="day-off" schema="availability-day-off" errors={["Availability"]} success={t("saved")}>
          <TextInput type="date" name="startsOn" label={t("startsOn")} className="max-w-56" />
          <TextInput type="date" name="endsOn" label={t("endsOn")} className="max-w-56" />
          <TextInput name="reason" label={t("reason")} maxLength={200} />
          <Submit>{t("addException")}</Submit>
        </Form>
      </section>
    </div>
  );
}
