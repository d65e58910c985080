"use client";
import { lazy, Suspense, useCallback, useEffect, useState, type FormEvent, type MouseEvent } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/safe-action";
import type { ReportCheck } from "@/lib/requests/report-actions";
import { reportFieldOf } from "@/lib/requests/report-fields";
import { formDataToObject } from "@/lib/http/form-data";
import { Button } from "@/components/ui/button";
import { KitProvider, useKitForm } from "@/components/forms/form-root";
import { Checkbox, Radios, Select, TextArea, TextInput } from "@/components/forms/fields";
import { OutboxNotice } from "@/components/outbox/outbox-notice";
import { GpsLocator } from "./gps-locator";
import { ReportCheckStep, type ReportChoices } from "./report-check";
import { ReportPhotos } from "./report-photos";

/**
 * The municipal report form, in two steps on one page: the answers, then "check your answers"
 * with the open reports of the same problem nearby (report-check.tsx). On the form kit: without
 * JavaScript both steps are server renders of the same form (reportFormAction); with it, the
 * answers are checked on the phone by the kind's schema, "send" goes through the outbox, and an
 * offline phone shows the check step from its own check. Its words: next-intl (the page provides
 * the MunicipalReport, Requests and Uploads messages it uses).
 */
const MapPicker = lazy(() => import("./map-picker"));

export function ReportForm(props: ReportChoices & {
  action: (prev: ActionResult<ReportCheck> | null, form: FormData) => Promise<ActionResult<ReportCheck>>;
  idempotencyKey: string;
  userId: string;
  /** Bytes per piece of a photo sent in pieces (UPLOAD_CHUNK_BYTES). */
  chunkBytes: number;
  formPath: string;
  map: { tileUrl: string; attribution: string } | null;
}) {
  const t = useTranslations("MunicipalReport");
  const r = useTranslations("Requests");
  const m = useTranslations("Municipalities");
  const o = useTranslations("Outbox");
  const kit = useKitForm({
    action: props.action,
    schema: "municipal-report",
    outbox: { kind: "municipal-report", formPath: props.formPath, userId: props.userId, idempotencyKey: props.idempotencyKey, titleField: "description" },
    fieldOf: reportFieldOf,
    // Errors of the point itself (a hidden field) land on the question that sets it.
    errorTargets: { lat: "locationMode", lon: "locationMode", accuracy: "locationMode" },
  });
  const state = kit.state as ActionResult<ReportCheck> | null;
  const failed = state && !state.ok ? state : null;
  const serverCheck = state?.ok ? state.data : null;
  const [local, setLocal] = useState<ReportCheck | null>(null);
  const [dismissed, setDismissed] = useState<ReportCheck | null>(null);
  const [js, setJs] = useState(false);
  useEffect(() => setJs(true), []);
  const current = failed ? null : (local ?? serverCheck);
  const check = current && current !== dismissed ? current : null;
  // The answers the server showed back: the fields' values without JavaScript.
  const values = serverCheck?.values ?? {};
  const v = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : undefined);
  const sent = (name: string) => (typeof kit.values[name] === "string" ? (kit.values[name] as string) : v(name));

  const [governorate, setGovernorate] = useState(sent("governorate") ?? "");
  const [mode, setMode] = useState(sent("locationMode") ?? "");
  const [point, setPoint] = useState<{ lat?: string; lon?: string; accuracy?: string }>({ lat: sent("lat"), lon: sent("lon"), accuracy: sent("accuracy") });
  const [mapUsable, setMapUsable] = useState(Boolean(props.map));
  const mapUnavailable = useCallback(() => setMapUsable(false), []);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const step = submitter?.name === "join" ? "join" : submitter?.name === "step" ? submitter.value : "check";
    if (step === "send") return kit.onSubmit(event); // filed through the outbox
    if (step === "check" && !navigator.onLine) {
      // No network: the phone checks the answers (the same schema); the server checks them again when the outbox sends.
      event.preventDefault();
      const form = event.currentTarget;
      void kit.validate().then((ok) => {
        if (!ok) return;
        const answers = formDataToObject(new FormData(form));
        setLocal({ step: "check", similar: [], photos: [answers.photoIds ?? []].flat().length, values: answers });
        setDismissed(null);
      });
      return;
    }
    setLocal(null);
    kit.onSubmit(event, { outbox: false }); // checking or joining files nothing: online or not at all
  };

  // "Change": back to the answers, on the question asked.
  const onChangeClick = (event: MouseEvent<HTMLElement>) => {
    const link = (event.target as HTMLElement).closest("a[data-change]");
    if (!link || !js) return;
    event.preventDefault();
    setDismissed(current);
    setLocal(null);
    const id = link.getAttribute("href")?.slice(1) ?? "";
    setTimeout(() => {
      const target = document.getElementById(id);
      const control = target?.matches("input,select,textarea") ? target : target?.querySelector("input,select,textarea");
      (control instanceof HTMLElement ? control : target)?.focus();
    }, 0);
  };

  const gov = props.governorates.find((g) => g.id === governorate);
  const delegationGroups = js && gov ? [gov] : props.governorates;
  const map = props.map && mapUsable ? props.map : null;

  return (
    <KitProvider value={kit.ctx}>
      <form {...kit.form} onSubmit={onSubmit} className="max-w-2xl">
        {/* Enter in a field means "check my answers", never "join" or "send". */}
        <button type="submit" name="step" value="check" hidden tabIndex={-1} />
        {kit.summary}
        <OutboxNotice status={kit.outboxStatus} />
        {kit.hiddenInputs}

        {check ? <ReportCheckStep check={check} offline={local !== null} busy={kit.busy} js={js} choices={props} onChange={onChangeClick} /> : null}

        <div hidden={Boolean(check) && js}>
          <Radios name="category" label={t("form.category")} options={props.categories} defaultValue={v("category")} />
          <div onChange={(e) => setGovernorate((e.target as unknown as HTMLSelectElement).value)}>
            <Select name="governorate" label={t("form.governorate")} placeholder={t("form.choose")} options={props.governorates.map((g) => ({ value: g.id, label: g.name }))} defaultValue={v("governorate")} />
          </div>
          <Select
            key={js && gov ? gov.id : "all"}
            name="delegation"
            label={t("form.delegation")}
            hint={t("form.delegationHint")}
            placeholder={t("form.choose")}
            options={[]}
            groups={delegationGroups.map((g) => ({ label: g.name, options: g.delegations.map((d) => ({ value: d.id, label: d.name })) }))}
            defaultValue={v("delegation")}
          />
          {/* Found from the place; asked (a field error) only when the place could be in several towns. */}
          <Select name="municipalityId" label={m("field")} hint={m("reportHint")} placeholder={m("fromPlace")} options={[]} groups={props.municipalities} defaultValue={v("municipalityId")} />
          <div onChange={(e) => { const el = e.target as HTMLInputElement; if (el.name === "locationMode") setMode(el.value); }}>
            <Radios
              name="locationMode"
              label={t("form.locationMode")}
              hint={t("form.locationHint")}
              defaultValue={v("locationMode")}
              options={[
                { value: "gps", label: t("form.modeGps"), hint: t("form.modeGpsHint") },
                ...(map ? [{ value: "map", label: t("form.modeMap"), hint: t("form.modeMapHint") }] : []),
                { value: "place", label: t("form.modePlace"), hint: t("form.modePlaceHint") },
              ]}
            />
          </div>
          <input type="hidden" name="lat" value={point.lat ?? ""} />
          <input type="hidden" name="lon" value={point.lon ?? ""} />
          <input type="hidden" name="accuracy" value={point.accuracy ?? ""} />
          {js && mode === "gps" ? <GpsLocator onPoint={(p) => setPoint({ lat: String(p.lat), lon: String(p.lon), accuracy: String(p.accuracy) })} /> : null}
          {js && mode === "map" && map ? (
            <Suspense fallback={null}>
              <MapPicker tileUrl={map.tileUrl} attribution={map.attribution} start={{ lat: 34.5, lon: 9.5, zoom: 7 }} onUnavailable={mapUnavailable} onPoint={(p) => setPoint({ lat: String(p.lat), lon: String(p.lon), accuracy: "" })} />
            </Suspense>
          ) : null}

          <TextInput name="place" label={t("form.place")} hint={t("form.placeHint")} maxLength={300} autoComplete="off" defaultValue={v("place")} />
          <TextArea name="description" label={t("fields.description")} hint={t("form.descriptionHint")} maxLength={5000} rows={6} defaultValue={v("description")} />

          <Checkbox name="sharePhotoLocation" label={t("form.sharePhotoLocation")} hint={t("form.sharePhotoLocationHint")} defaultChecked={values.sharePhotoLocation !== undefined} />
          {js ? <ReportPhotos draftKey={kit.key} userId={props.userId} chunkBytes={props.chunkBytes} /> : <p className="mb-6 text-muted">{t("form.photosNoScript")}</p>}
          <Checkbox name="hideName" label={r("hideName")} hint={r("hideNameHint")} defaultChecked={serverCheck ? values.hideName !== undefined : true} />

          {!check ? <p className="mb-4 text-sm text-muted">{o("draftNote")}</p> : null}
          <Button type="submit" name="step" value="check" disabled={kit.busy} aria-disabled={kit.busy} variant={check ? "secondary" : "primary"}>
            {r("continue")}
          </Button>
        </div>
      </form>
    </KitProvider>
  );
}
