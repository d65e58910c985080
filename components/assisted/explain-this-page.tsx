import { getTranslations } from "next-intl/server";
import { autoRun } from "@/lib/i18n/bidi";
import { getActor } from "@/lib/auth/session";
import { guideCitizenStep } from "@/lib/assisted/guidance";
import { explanationKeys, type StepKey } from "@/lib/assisted/guidance-steps";
import type { Locale } from "@/lib/i18n/routing";

/**
 * The guidance layer on a journey's step (issue 18): "explain this page" for anyone (a <details>,
 * no JavaScript), opened by itself while a volunteer guides the citizen with the explanations
 * switched on. For a citizen in a running session it also tells the session which step they are
 * on, which is what the volunteer's page follows.
 */
export async function ExplainThisPage({ locale, step }: { locale: Locale; step: StepKey }) {
  const t = await getTranslations({ locale, namespace: "Guidance" });
  const actor = await getActor();
  // The explanation must show even if the session cannot be read or written.
  const guided = actor?.role === "citizen" ? await guideCitizenStep({ citizenId: actor.userId, step }).catch(() => null) : null;
  // Keys built from the step map (lib/assisted/guidance-steps.ts); the coverage test checks each exists.
  const tr = t as unknown as (key: string) => string;
  const keys = explanationKeys(step);
  return (
    <div className="mb-6 max-w-2xl" data-guidance-step={step}>
      {guided ? (
        <p className="mb-2 border-s-4 border-brand ps-3" role="status">
          {t("guidedBy", { name: autoRun(guided.volunteerName ?? t("volunteerNoName")) })}
        </p>
      ) : null}
      <details open={guided?.on ?? false} className="border-2 border-line bg-canvas p-3">
        <summary className="min-h-11 cursor-pointer py-2 font-semibold">{t("explainSummary")}</summary>
        <dl className="mt-2 grid grid-cols-1 gap-y-1">
          <dt className="font-semibold">{t("explainWhat")}</dt>
          <dd className="mb-2">{tr(keys.what)}</dd>
          <dt className="font-semibold">{t("explainReady")}</dt>
          <dd className="mb-2">{tr(keys.ready)}</dd>
          <dt className="font-semibold">{t("explainWhy")}</dt>
          <dd>{tr(keys.why)}</dd>
        </dl>
      </details>
    </div>
  );
}
