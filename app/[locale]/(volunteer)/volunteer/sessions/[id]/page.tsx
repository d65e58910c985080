import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { consentGuidanceAction, endGuidanceAction, guidanceLayerAction } from "@/lib/assisted/guidance-actions";
import { explanationKeys, isStepKey } from "@/lib/assisted/guidance-steps";
import { loadVolunteerSession } from "@/lib/assisted/volunteer-view";
import { requirePageActor } from "@/lib/auth/session";
import { formatDate } from "@/lib/i18n/format";
import { localePath, locales, type Locale } from "@/lib/i18n/routing";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";
import { rootTranslator, translateKey } from "@/components/cases/labels";
import { Form } from "@/components/forms/form";
import { Submit, TextInput } from "@/components/forms/fields";
import { FollowRefresh } from "@/components/assisted/follow-refresh";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { StatusTag } from "@/components/ui/status-tag";
import { Ltr, UserText } from "@/components/ui/user-text";

export const dynamic = "force-dynamic";
export const dynamicParams = true;
export const generateMetadata = titled("Guidance.session.title", { robots: { index: false, follow: false } });

const languageNames: Record<Locale, { name: string; lang: string }> = { "ar-TN": { name: "العربية", lang: "ar" }, "fr-TN": { name: "Français", lang: "fr" }, en: { name: "English", lang: "en" } };

/**
 * A guidance session, on the volunteer's screen: first the consent screen, which the citizen reads
 * (in their language) and agrees to by typing the code sent to their phone; then the citizen's
 * current step with its explanation, the switch of the explanations, the citizen's requests, and
 * the end. Someone else's session, or one the citizen has not consented to, shows nothing of them.
 */
export default async function GuidanceSessionPage({ params }: PageProps<"/[locale]/volunteer/sessions/[id]">) {
  const locale = await pageLocale(params);
  const { id } = await params;
  const here = localePath(locale, `/volunteer/sessions/${encodeURIComponent(id)}`);
  const actor = await requirePageActor(locale, here, { roles: ["volunteer"] });
  const loaded = await loadVolunteerSession(actor, id);
  if (!loaded) notFound();
  const { session, state, file } = loaded;
  const t = await getTranslations({ locale, namespace: "Guidance" });
  const tr = t as unknown as (key: string) => string;
  const root = await rootTranslator(locale);
  return (
    <>
      <Breadcrumbs label={t("session.title")} items={[{ href: localePath(locale, "/volunteer"), text: t("home.title") }, { text: t("session.title") }]} />
      <h1 className="mb-2 text-3xl font-bold">{t("session.title")}</h1>
      <p className="mb-6">
        <StatusTag tone={state === "active" ? "green" : "grey"}>{t(`states.${state}`)}</StatusTag>
      </p>
      {state === "awaitingConsent" ? (
        <section aria-labelledby="consent-heading" className="max-w-2xl">
          <h2 id="consent-heading" className="mb-2 text-2xl font-bold">
            {t("session.consentHeading")}
          </h2>
          <p className="mb-2">
            {t("session.readIn")}{" "}
            {locales
              .filter((l) => l !== locale)
              .map((l) => (
                <Link key={l} prefetch={false} lang={languageNames[l].lang} className="link me-3 inline-flex min-h-11 items-center" href={localePath(l, `/volunteer/sessions/${encodeURIComponent(id)}`)}>
                  {languageNames[l].name}
                </Link>
              ))}
          </p>
          <p className="mb-4 text-lg">{t("session.consentLead")}</p>
          <h3 className="mb-2 text-xl font-bold">{t("session.seeHeading")}</h3>
          <ul className="mb-4 list-disc ps-6">
            <li>{t("session.see1")}</li>
            <li>{t("session.see2")}</li>
          </ul>
          <h3 className="mb-2 text-xl font-bold">{t("session.notHeading")}</h3>
          <ul className="mb-6 list-disc ps-6">
            <li>{t("session.not1")}</li>
            <li>{t("session.not2")}</li>
            <li>{t("session.not3")}</li>
          </ul>
          <Form action={consentGuidanceAction} id="consent" schema="guidance-consent" errors={["Guidance"]} hidden={{ sessionId: session.id }} className="border-t-2 border-line pt-4">
            <TextInput name="code" label={t("session.codeLabel")} hint={t("session.codeHint")} inputMode="numeric" autoComplete="one-time-code" dir="ltr" className="max-w-40" />
            <Submit>{t("session.agree")}</Submit>
          </Form>
        </section>
      ) : null}
      {state === "active" && file ? (
        <>
          <FollowRefresh seconds={5} text={t("session.refresh")} />
          <p className="mb-4 text-lg">
            <UserText>{file.citizenName ?? ""}</UserText> · {t("session.endsAt", { time: formatDate(session.expiresAt, locale, "time") })}
          </p>
          <section aria-labelledby="follow-heading" className="mb-8 max-w-2xl border-s-8 border-brand bg-canvas p-4" data-testid="citizen-step">
            <h2 id="follow-heading" className="mb-2 text-2xl font-bold">
              {t("session.followHeading")}
            </h2>
            {session.step && isStepKey(session.step) ? (
              <>
                <dl className="mb-3 grid grid-cols-1 gap-x-4 sm:grid-cols-[auto_minmax(0,1fr)]">
                  {session.journey ? (
                    <>
                      <dt className="font-semibold">{t("session.journey")}</dt>
                      <dd>{tr(`journeys.${session.journey}`)}</dd>
                    </>
                  ) : null}
                  <dt className="font-semibold">{t("session.step")}</dt>
                  <dd data-step={session.step}>{tr(`steps.${session.step.replace(".", "_")}.title`)}</dd>
                </dl>
                {session.stepAt ? <p className="mb-3 text-sm text-muted">{t("session.since", { time: formatDate(session.stepAt, locale, "time") })}</p> : null}
                <dl className="grid grid-cols-1 gap-y-1">
                  <dt className="font-semibold">{t("explainWhat")}</dt>
                  <dd className="mb-2">{tr(explanationKeys(session.step).what)}</dd>
                  <dt className="font-semibold">{t("explainReady")}</dt>
                  <dd className="mb-2">{tr(explanationKeys(session.step).ready)}</dd>
                  <dt className="font-semibold">{t("explainWhy")}</dt>
                  <dd>{tr(explanationKeys(session.step).why)}</dd>
                </dl>
              </>
            ) : (
              <p>{t("session.noStep")}</p>
            )}
          </section>
          <section aria-labelledby="layer-heading" className="mb-8 max-w-2xl">
            <h2 id="layer-heading" className="sr-only">
              {t("session.showLayer")}
            </h2>
            <p className="mb-2">{session.guidanceOn ? t("session.layerOn") : t("session.layerOff")}</p>
            <Form action={guidanceLayerAction} id="layer" hidden={{ sessionId: session.id, on: session.guidanceOn ? "off" : "on" }}>
              <Submit variant="secondary">{session.guidanceOn ? t("session.hideLayer") : t("session.showLayer")}</Submit>
            </Form>
          </section>
          <section aria-labelledby="file-heading" className="mb-8 max-w-2xl">
            <h2 id="file-heading" className="mb-2 text-2xl font-bold">
              {t("session.fileHeading")}
            </h2>
            {file.cases.length === 0 ? (
              <p>{t("session.fileEmpty")}</p>
            ) : (
              <ul className="flex flex-col gap-2">
                {file.cases.map((c) => (
                  <li key={c.reference} className="border-2 border-line bg-white p-3">
                    {translateKey(root, c.kindKey)} · <Ltr nowrap className="font-mono">{c.reference}</Ltr> · {translateKey(root, c.statusKey)}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      ) : null}
      {state === "ended" || state === "expired" ? <p className="mb-6 max-w-2xl text-lg">{t("session.over")}</p> : null}
      {state === "active" || state === "awaitingConsent" ? (
        <Form action={endGuidanceAction} id="end" hidden={{ sessionId: session.id }}>
          <Submit variant="warning">{t("session.end")}</Submit>
        </Form>
      ) : null}
    </>
  );
}
