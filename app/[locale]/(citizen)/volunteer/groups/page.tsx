import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { formatDate, formatPhone } from "@/lib/i18n/format";
import { localePath } from "@/lib/i18n/routing";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";
import { registerGroupByPhoneAction, scheduleGroupAction } from "@/lib/learning/actions";
import { groupSessionsOfVolunteer } from "@/lib/learning/group-pages";
import { getLesson, listLessons } from "@/lib/learning/lessons";
import { Form } from "@/components/forms/form";
import { PhoneInput, Select, Submit, TextInput } from "@/components/forms/fields";
import { NotificationBanner } from "@/components/ui/notification-banner";

export const dynamic = "force-dynamic";

export const generateMetadata = titled("Groups.volunteer.title");

/**
 * A volunteer's group sessions: schedule one at their house, see who registered, register a
 * citizen at the corner by phone number. Volunteers only (404 for anyone else); the house is the
 * volunteer's own, from their account.
 */
export default async function VolunteerGroupsPage({ params, searchParams }: PageProps<"/[locale]/volunteer/groups">) {
  const locale = await pageLocale(params);
  const actor = await requirePageActor(locale, localePath(locale, "/volunteer/groups"), { roles: ["volunteer"] });
  const query = await searchParams;
  const t = await getTranslations({ locale, namespace: "Groups" });
  const sessions = await groupSessionsOfVolunteer(actor.userId);
  const topicOf = (s: { lessonSlug: string | null; topic: string | null }) => (s.lessonSlug ? (getLesson(s.lessonSlug, locale)?.title ?? s.lessonSlug) : (s.topic ?? ""));
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t("volunteer.title")}</h1>
      {query.scheduled === "1" ? (
        <NotificationBanner tone="success" title={t("volunteer.scheduled")}>
          <p>{t("volunteer.scheduledBody")}</p>
        </NotificationBanner>
      ) : null}
      {typeof query.registered === "string" ? (
        <NotificationBanner tone="success" title={t("registeredTitle")}>
          <p>{t("volunteer.registeredBody")}</p>
        </NotificationBanner>
      ) : null}
      {!actor.houseId ? (
        <p className="mb-8 max-w-3xl">{t("volunteer.noHouse")}</p>
      ) : (
        <section aria-labelledby="schedule-heading" className="mb-10 max-w-2xl">
          <h2 id="schedule-heading" className="mb-3 text-2xl font-bold">
            {t("volunteer.scheduleHeading")}
          </h2>
          <Form action={scheduleGroupAction} id="schedule" schema="group-schedule" errors={["Groups"]}>
            <TextInput name="startsAt" type="datetime-local" label={t("fields.startsAt")} hint={t("fields.startsAtHint")} className="max-w-xs" />
            <Select name="lessonSlug" label={t("fields.lessonSlug")} hint={t("fields.lessonHint")} placeholder={t("fields.freeTopic")} options={listLessons(locale).map((l) => ({ value: l.slug, label: l.title }))} />
            <TextInput name="topic" label={t("fields.topic")} maxLength={120} autoComplete="off" />
            <TextInput name="seats" type="number" inputMode="numeric" min={1} max={200} label={t("fields.seats")} className="max-w-32" defaultValue="10" />
            <Submit>{t("volunteer.schedule")}</Submit>
          </Form>
        </section>
      )}
      <h2 className="mb-3 text-2xl font-bold">{t("volunteer.mineHeading")}</h2>
      {sessions.length === 0 ? (
        <p>{t("volunteer.none")}</p>
      ) : (
        <ul className="flex max-w-3xl flex-col gap-6">
          {sessions.map((s) => (
            <li key={s.id} className="rounded-sm border-2 border-line p-4">
              <h3 className="mb-1 text-xl font-bold">
                <bdi dir="auto">{topicOf(s)}</bdi>
              </h3>
              <p>{formatDate(s.startsAt, locale, "dateTime")}</p>
              <p className="mb-3">{t("taken", { taken: s.taken, seats: s.seats })}</p>
              {s.registrations.length > 0 ? (
                <ol className="mb-4 list-decimal ps-6" aria-label={t("volunteer.registrations")}>
                  {s.registrations.map((r) => (
                    <li key={r.seat}>
                      {r.name ? <bdi dir="auto">{r.name}</bdi> : null} <bdi dir="ltr">{formatPhone(r.phone)}</bdi>
                    </li>
                  ))}
                </ol>
              ) : null}
              {s.taken < s.seats && s.open ? (
                <Form action={registerGroupByPhoneAction} id={`p-${s.id}`} schema="group-register-phone" hidden={{ sessionId: s.id }} errors={["Groups", "Auth.phone"]}>
                  <PhoneInput name="phone" label={t("fields.phone")} hint={t("fields.phoneHint")} />
                  <Submit variant="secondary">{t("volunteer.registerByPhone")}</Submit>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
