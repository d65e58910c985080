import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { getHouse } from "@/lib/houses/houses";
import { localized } from "@/lib/i18n/content";
import { formatDate } from "@/lib/i18n/format";
import { localePath } from "@/lib/i18n/routing";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";
import { registerGroupAction } from "@/lib/learning/actions";
import { myGroupRegistrations, upcomingGroupSessions } from "@/lib/learning/group-pages";
import { getLesson } from "@/lib/learning/lessons";
import { Form } from "@/components/forms/form";
import { Submit } from "@/components/forms/fields";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { NotificationBanner } from "@/components/ui/notification-banner";

// Seats change every minute and the registrations are personal: never prerendered or cached.
export const dynamic = "force-dynamic";

export const generateMetadata = titled("Groups.title");

/** The group sessions to come in the houses' digital-skills spaces; a signed-in citizen registers here. */
export default async function GroupSessionsPage({ params, searchParams }: PageProps<"/[locale]/learn/groups">) {
  const locale = await pageLocale(params);
  const query = await searchParams;
  const t = await getTranslations({ locale, namespace: "Groups" });
  const learn = await getTranslations({ locale, namespace: "Learn" });
  const ui = await getTranslations({ locale, namespace: "Ui" });
  const actor = await getActor();
  const sessions = await upcomingGroupSessions();
  const mine = actor?.role === "citizen" ? await myGroupRegistrations(actor.userId) : [];
  const registered = typeof query.registered === "string" ? sessions.find((s) => s.id === query.registered) : undefined;
  const here = localePath(locale, "/learn/groups");
  const topicOf = (s: { lessonSlug: string | null; topic: string | null }) => (s.lessonSlug ? (getLesson(s.lessonSlug, locale)?.title ?? s.lessonSlug) : (s.topic ?? ""));
  return (
    <>
      <Breadcrumbs label={ui("breadcrumbs")} items={[{ href: localePath(locale, "/learn"), text: learn("title") }, { text: t("title") }]} />
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6 max-w-3xl text-lg">{t("lead")}</p>
      {registered ? (
        <NotificationBanner tone="success" title={t("registeredTitle")}>
          <p>{t("registeredBody", { when: formatDate(registered.startsAt, locale, "dateTime") })}</p>
        </NotificationBanner>
      ) : null}
      {sessions.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ul className="flex max-w-3xl flex-col gap-4">
          {sessions.map((s) => {
            const house = getHouse(s.houseId);
            const left = s.seats - s.taken;
            const isMine = mine.some((m) => m.sessionId === s.id);
            return (
              <li key={s.id} className="rounded-sm border-2 border-line p-4">
                <h2 className="mb-1 text-xl font-bold">
                  <bdi dir="auto">{topicOf(s)}</bdi>
                </h2>
                <p>{formatDate(s.startsAt, locale, "dateTime")}</p>
                <p>{house ? localized(house.name, locale) : s.houseId}</p>
                <p className="mb-3">{t("seatsLeft", { count: left })}</p>
                {isMine ? (
                  <p className="font-bold">{t("youAreRegistered")}</p>
                ) : left <= 0 ? null : actor?.role === "citizen" ? (
                  <Form action={registerGroupAction} id={`g-${s.id}`} hidden={{ sessionId: s.id }} errors={["Groups"]}>
                    <Submit>{t("register")}<span className="sr-only"> — {topicOf(s)}, {formatDate(s.startsAt, locale, "dateTime")}</span></Submit>
                  </Form>
                ) : !actor ? (
                  <Link prefetch={false} className="link inline-flex min-h-11 items-center" href={`${localePath(locale, "/sign-in")}?returnTo=${encodeURIComponent(here)}`}>
                    {t("signInToRegister")}
                  </Link>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      <p className="mt-8 max-w-3xl border-s-8 border-brand bg-canvas p-4">{t("atTheCorner")}</p>
    </>
  );
}
