"use client";
import type { MouseEvent } from "react";
import { useTranslations } from "next-intl";
import type { ReportCheck } from "@/lib/requests/report-actions";
import { Button } from "@/components/ui/button";
import { CheckAnswers, type CheckAnswer } from "@/components/ui/check-answers";

/**
 * The municipal report's second step, on the same page: the answers to check, each with the
 * question to change it, and the open reports of the same problem nearby ("is it one of these?").
 */
export type Place = { id: string; name: string };
export type ReportChoices = {
  categories: { value: string; label: string; hint: string }[];
  governorates: (Place & { delegations: Place[] })[];
  /** The municipalities by governorate (lib/municipalities): asked when the place could be in several towns. */
  municipalities: { label: string; options: { value: string; label: string }[] }[];
};

export function ReportCheckStep({ check, offline, busy, js, choices, onChange }: { check: ReportCheck; offline: boolean; busy: boolean; js: boolean; choices: ReportChoices; onChange: (event: MouseEvent<HTMLElement>) => void }) {
  const t = useTranslations("MunicipalReport");
  const r = useTranslations("Requests");
  const o = useTranslations("Outbox");
  const loose = r as unknown as ((k: string) => string) & { has: (k: string) => boolean };
  const statusOf = (status: string) => (loose.has(`status.${status}`) ? loose(`status.${status}`) : status);
  return (
    <div onClick={onChange}>
      <CheckAnswers heading={t("check.heading")} items={useAnswers(check, choices)} changeLabel={r("change")} />
      <section aria-labelledby="similar-heading" className="mb-8">
        <h2 id="similar-heading" className="mb-2 text-2xl font-bold">
          {t("similar.heading")}
        </h2>
        {check.similar.length ? (
          <>
            <p className="mb-4">{t("similar.lead")}</p>
            <ul className="mb-4 flex flex-col gap-4">
              {check.similar.map((s) => (
                <li key={s.reference} className="border-s-4 border-brand ps-4">
                  <p className="font-semibold">
                    {t("similar.item", { submitted: s.submitted, affected: s.affected })} · <bdi dir="ltr">{s.reference}</bdi>
                  </p>
                  <p className="text-muted">
                    {statusOf(s.status)}
                    {s.distance >= 0 ? ` · ${t("similar.distance", { metres: s.distance })}` : ""}
                  </p>
                  <Button type="submit" name="join" value={s.reference} variant="secondary" className="mt-2" disabled={busy}>
                    {t("similar.join")}
                    <span className="sr-only"> {s.reference}</span>
                  </Button>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="mb-4">{offline ? t("similar.offline") : t("similar.none")}</p>
        )}
      </section>
      <p className="mb-4 text-sm text-muted">{o("draftNote")}</p>
      <Button type="submit" name="step" value="send" disabled={busy} aria-disabled={busy}>
        {busy ? r("sending") : check.similar.length ? t("similar.sendAnyway") : t("send")}
      </Button>
      {!js ? (
        <h2 className="mb-4 mt-12 text-2xl font-bold" id="change-heading">
          {t("check.changeHeading")}
        </h2>
      ) : null}
    </div>
  );
}

/** The answers as the citizen gave them, in words, each with the question to change it (the list lays them out by their own direction). */
function useAnswers(check: ReportCheck, choices: ReportChoices): CheckAnswer[] {
  const t = useTranslations("MunicipalReport");
  const r = useTranslations("Requests");
  const m = useTranslations("Municipalities");
  const s = (k: string) => (typeof check.values[k] === "string" ? (check.values[k] as string) : "");
  const gov = choices.governorates.find((g) => g.id === s("governorate"));
  const del = gov?.delegations.find((d) => d.id === s("delegation"));
  const mode = s("locationMode");
  const where =
    mode === "gps"
      ? t("check.pointGps", { accuracy: s("accuracy") || "?" })
      : mode === "map"
        ? t("check.pointMap", { lat: Number(s("lat")).toFixed(5), lon: Number(s("lon")).toFixed(5) })
        : s("place");
  const yes = (k: string) => (s(k) ? t("check.yes") : t("check.no"));
  const out: CheckAnswer[] = [
    { label: t("form.category"), value: choices.categories.find((c) => c.value === s("category"))?.label ?? "", changeHref: "#category" },
    { label: t("form.delegation"), value: `${del?.name ?? ""} — ${gov?.name ?? ""}`, changeHref: "#governorate" },
    { label: t("form.locationMode"), value: where, changeHref: "#locationMode" },
  ];
  const municipality = choices.municipalities.flatMap((g) => g.options).find((o) => o.value === s("municipalityId"));
  if (municipality) out.push({ label: m("field"), value: municipality.label, changeHref: "#municipalityId" });
  if (mode !== "place" && s("place")) out.push({ label: t("form.place"), value: s("place"), changeHref: "#place" });
  out.push({ label: t("fields.description"), value: s("description"), changeHref: "#description" });
  out.push({ label: t("check.photos"), value: String(check.photos), changeHref: "#photos-hint" });
  if (check.photos > 0) out.push({ label: t("form.sharePhotoLocation"), value: yes("sharePhotoLocation"), changeHref: "#sharePhotoLocation" });
  out.push({ label: r("hideName"), value: yes("hideName"), changeHref: "#hideName" });
  return out;
}
