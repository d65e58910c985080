import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { startGuidanceAction } from "@/lib/assisted/guidance-actions";
import { loadVolunteerHome } from "@/lib/assisted/volunteer-view";
import { requirePageActor } from "@/lib/auth/session";
import { formatDate } from "@/lib/i18n/format";
import { localePath } from "@/lib/i18n/routing";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";
import { Form } from "@/components/forms/form";
import { PhoneInput, Submit } from "@/components/forms/fields";
import { StatusTag } from "@/components/ui/status-tag";
import { UserText } from "@/components/ui/user-text";

export const dynamic = "force-dynamic";
export const generateMetadata = titled("Guidance.home.title", { robots: { index: false } });

const tone = { awaitingConsent: "grey", active: "green", ended: "grey", expired: "grey" } as const;

/**
 * The volunteer's home (issue 18): open a guidance session, today's sessions, the citizens they
 * helped and the topics walked (the house's digital-skills figures); an interpreter's agenda.
 */
export default async function VolunteerHomePage({ params }: PageProps<"/[locale]/volunteer">) {
  const locale = await pageLocale(params);
  const actor = await requirePageActor(locale, localePath(locale, "/volunteer"), { roles: ["volunteer"] });
  const t = await getTranslations({ locale, namespace: "Guidance" });
  const { today, citizensHelped, topics } = await loadVolunteerHome(actor);
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t("home.title")}</h1>
      <p className="mb-6 max-w-2xl text-lg">{t("home.lead")}</p>
      <ul className="mb-6 flex flex-wrap gap-x-6">
        <li>
          <Link prefetch={false} className="link inline-flex min-h-11 items-center" href={localePath(locale, "/volunteer/groups")}>
            {t("home.groups")}
          </Link>
        </li>
        {actor.interpreter ? (
          <li>
            <Link prefetch={false} className="link inline-flex min-h-11 items-center" href={localePath(locale, "/staff/agenda")}>
              {t("home.agenda")}
            </Link>
          </li>
        ) : null}
      </ul>
      <section aria-labelledby="start-heading" className="mb-10 max-w-xl border-2 border-line bg-white p-4">
        <h2 id="start-heading" className="mb-4 text-2xl font-bold">
          {t("home.startHeading")}
        </h2>
        <Form action={startGuidanceAction} id="start" schema="guidance-start" errors={["Guidance", "Auth.phone"]}>
          <PhoneInput name="phone" label={t("home.phoneLabel")} hint={t("home.phoneHint")} />
          <Submit>{t("home.start")}</Submit>
        </Form>
      </section>
      <section aria-labelledby="today-heading" className="mb-10">
        <h2 id="today-heading" className="mb-4 text-2xl font-bold">
          {t("home.todayHeading")}
        </h2>
        {today.length === 0 ? (
          <p>{t("home.todayEmpty")}</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {today.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center gap-3 border-2 border-line bg-white p-3">
                <StatusTag tone={tone[s.state]}>{t(`states.${s.state}`)}</StatusTag>
                {s.citizenName ? <UserText>{s.citizenName}</UserText> : null}
                <span>{t("home.startedAt", { time: formatDate(s.createdAt, locale, "time") })}</span>
                <Link prefetch={false} className="link inline-flex min-h-11 items-center" href={localePath(locale, `/volunteer/sessions/${s.id}`)}>
                  {t("home.open")}
                  <span className="sr-only"> — {t(`states.${s.state}`)}, {formatDate(s.createdAt, locale, "time")}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="figures-heading">
        <h2 id="figures-heading" className="mb-4 text-2xl font-bold">
          {t("home.topicsHeading")}
        </h2>
        <p className="mb-4 text-lg" data-testid="citizens-helped">
          {t("home.helped", { count: citizensHelped })}
        </p>
        {topics.length === 0 ? (
          <p>{t("home.topicsEmpty")}</p>
        ) : (
          <dl className="grid max-w-md grid-cols-[minmax(0,1fr)_auto] gap-x-6 gap-y-1">
            {topics.map((x) => (
              <div key={x.topic} className="contents">
                <dt>{(t as unknown as (k: string) => string)(`journeys.${x.topic}`)}</dt>
                <dd className="font-semibold">{x.count}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
    </>
  );
}
