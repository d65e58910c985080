"use client";
import { lazy, Suspense, useActionState, useCallback, useEffect, useState, type FormEvent, type MouseEvent } from "react";
import type { ActionResult } from "@/lib/safe-action";
import type { ReportCheck } from "@/lib/requests/report-actions";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Radios, TextArea, TextField } from "@/components/ui/field";
import { OutboxNotice } from "@/components/outbox/outbox-notice";
import { useOutboxForm } from "@/components/outbox/use-outbox-form";
import { CheckAnswers, type CheckAnswer } from "@/components/ui/check-answers";
import { GpsLocator, type GpsLabels } from "./gps-locator";
import type { MapLabels } from "./map-picker";
import { ReportPhotos, type PhotoLabels } from "./report-photos";

/**
 * The municipal report form, in two steps on one page: the answers, then "check your answers"
 * with the open reports of the same problem nearby ("is it one of these?"). Without JavaScript
 * both steps are server renders of the same form (reportFormAction); with it, the report is sent
 * through the offline outbox, and an offline phone checks its answers on the phone.
 */
const MapPicker = lazy(() => import("./map-picker"));

type Place = { id: string; name: string };
export type ReportFormLabels = {
  errorTitle: string;
  errorPrefix: string;
  continue: string;
  send: string;
  sending: string;
  draftNote: string;
  refused: string;
  category: string;
  governorate: string;
  delegation: string;
  delegationHint: string;
  choose: string;
  locationMode: string;
  locationHint: string;
  modeGps: string;
  modeGpsHint: string;
  modeMap: string;
  modeMapHint: string;
  modePlace: string;
  modePlaceHint: string;
  place: string;
  placeHint: string;
  description: string;
  descriptionHint: string;
  hideName: string;
  hideNameHint: string;
  sharePhotoLocation: string;
  sharePhotoLocationHint: string;
  photosNoScript: string;
  checkHeading: string;
  change: string;
  changeHeading: string;
  yes: string;
  no: string;
  photos: string;
  pointGps: string;
  pointMap: string;
  similarHeading: string;
  similarLead: string;
  similarNone: string;
  similarOffline: string;
  similarItem: string;
  similarDistance: string;
  join: string;
  sendAnyway: string;
  statuses: Record<string, string>;
};

export function ReportForm(props: {
  action: (prev: ActionResult<ReportCheck> | null, form: FormData) => Promise<ActionResult<ReportCheck>>;
  idempotencyKey: string;
  userId: string;
  locale: string;
  formPath: string;
  categories: { value: string; label: string; hint: string }[];
  governorates: (Place & { delegations: Place[] })[];
  mapTileUrl: string | null;
  maxPhotos: number;
  maxPhotoBytes: number;
  labels: ReportFormLabels;
  gpsLabels: GpsLabels;
  mapLabels: MapLabels;
  photoLabels: PhotoLabels;
}) {
  const { labels: L } = props;
  const [actionState, formAction, pending] = useActionState(props.action, null);
  const outbox = useOutboxForm({
    kind: "municipal-report",
    formId: "municipal-report",
    formPath: props.formPath,
    userId: props.userId,
    locale: props.locale,
    idempotencyKey: props.idempotencyKey,
    titleField: "description",
    action: props.action,
    actionState,
    formAction,
    hasServerValues: actionState !== null,
    refusedMessage: L.refused,
  });
  const state = outbox.state;
  const failed = state && !state.ok ? state : null;
  const serverCheck = state?.ok ? state.data : null;
  const [local, setLocal] = useState<ReportCheck | null>(null);
  const [dismissed, setDismissed] = useState<ReportCheck | null>(null);
  const [js, setJs] = useState(false);
  useEffect(() => setJs(true), []);
  const current = failed ? null : (local ?? serverCheck);
  const check = current && current !== dismissed ? current : null;
  const values = failed?.values ?? serverCheck?.values ?? {};
  const errors = failed?.fieldErrors ?? {};
  const v = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : undefined);
  const keyOf = (name: string) => `${name}-${v(name) ?? ""}`;

  const [governorate, setGovernorate] = useState(v("governorate") ?? "");
  const [mode, setMode] = useState(v("locationMode") ?? "");
  const [point, setPoint] = useState<{ lat?: string; lon?: string; accuracy?: string }>({ lat: v("lat"), lon: v("lon"), accuracy: v("accuracy") });
  const [mapUsable, setMapUsable] = useState(Boolean(props.mapTileUrl));
  const mapUnavailable = useCallback(() => setMapUsable(false), []);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const step = submitter?.name === "join" ? "join" : submitter?.name === "step" ? submitter.value : "check";
    if (step === "send") return void outbox.onSubmit(event);
    if (step === "check" && !navigator.onLine) {
      // No network: the answers are checked on the phone; the server checks them again when the outbox sends.
      event.preventDefault();
      const answers: Record<string, string | string[]> = {};
      for (const [k, val] of new FormData(event.currentTarget).entries()) {
        if (typeof val !== "string") continue;
        const prev = answers[k];
        answers[k] = prev === undefined ? val : Array.isArray(prev) ? [...prev, val] : [prev, val];
      }
      setLocal({ step: "check", similar: [], photos: [answers.photoIds ?? []].flat().length, values: answers });
      setDismissed(null);
    } else {
      setLocal(null);
    }
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

  const visibleFields = ["category", "governorate", "delegation", "locationMode", "place", "description"];
  const summary = Object.entries(errors).map(([field, message]) => ({ href: `#${visibleFields.includes(field) ? field : "category"}`, message }));
  if (failed && summary.length === 0) summary.push({ href: "#category", message: failed.message });
  const busy = pending || outbox.status.state === "sending";
  const gov = props.governorates.find((g) => g.id === governorate);
  const delegationGroups = js && gov ? [gov] : props.governorates;

  const answers = check ? answersOf(check, props) : [];

  return (
    <form ref={outbox.formRef} action={formAction} onSubmit={onSubmit} onInput={outbox.onInput} noValidate className="max-w-2xl">
      {/* Enter in a field means "check my answers", never "join" or "send". */}
      <button type="submit" name="step" value="check" hidden tabIndex={-1} />
      <ErrorSummary title={L.errorTitle} errors={summary} />
      <OutboxNotice status={outbox.status.state === "sending" ? { state: "idle" } : outbox.status} />
      <input type="hidden" name="idempotencyKey" value={outbox.key} />
      <input type="hidden" name="kind" value="municipal-report" />

      {check ? (
        <div onClick={onChangeClick}>
          <CheckAnswers heading={L.checkHeading} items={answers} changeLabel={L.change} />
          <section aria-labelledby="similar-heading" className="mb-8">
            <h2 id="similar-heading" className="mb-2 text-2xl font-bold">
              {L.similarHeading}
            </h2>
            {check.similar.length ? (
              <>
                <p className="mb-4">{L.similarLead}</p>
                <ul className="mb-4 flex flex-col gap-4">
                  {check.similar.map((s) => (
                    <li key={s.reference} className="border-s-4 border-brand ps-4">
                      <p className="font-semibold">
                        {fill(L.similarItem, { submitted: s.submitted, affected: String(s.affected) })} · <bdi dir="ltr">{s.reference}</bdi>
                      </p>
                      <p className="text-muted">
                        {L.statuses[s.status] ?? s.status}
                        {s.distance >= 0 ? ` · ${fill(L.similarDistance, { metres: String(s.distance) })}` : ""}
                      </p>
                      <Button type="submit" name="join" value={s.reference} variant="secondary" className="mt-2" disabled={busy}>
                        {L.join}
                        <span className="sr-only"> {s.reference}</span>
                      </Button>
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p className="mb-4">{local ? L.similarOffline : L.similarNone}</p>
            )}
          </section>
          <p className="mb-4 text-sm text-muted">{L.draftNote}</p>
          <Button type="submit" name="step" value="send" disabled={busy} aria-disabled={busy}>
            {busy ? L.sending : check.similar.length ? L.sendAnyway : L.send}
          </Button>
          {!js ? (
            <h2 className="mb-4 mt-12 text-2xl font-bold" id="change-heading">
              {L.changeHeading}
            </h2>
          ) : null}
        </div>
      ) : null}

      <div hidden={Boolean(check) && js}>
        <Radios id="category" name="category" label={L.category} options={props.categories} defaultValue={v("category")} error={errors.category} errorPrefix={L.errorPrefix} key={keyOf("category")} />

        <div className={`mb-6 flex flex-col gap-1 ${errors.governorate ? "border-s-4 border-danger ps-3" : ""}`}>
          <label htmlFor="governorate" className="block font-semibold">
            {L.governorate}
          </label>
          {errors.governorate ? <p id="governorate-error" className="font-semibold text-danger"><span className="sr-only">{L.errorPrefix} </span>{errors.governorate}</p> : null}
          <select id="governorate" name="governorate" defaultValue={v("governorate") ?? ""} key={keyOf("governorate")} onChange={(e) => setGovernorate(e.currentTarget.value)} aria-invalid={errors.governorate ? true : undefined} aria-describedby={errors.governorate ? "governorate-error" : undefined} className="min-h-11 w-full max-w-xl border-2 border-ink bg-white px-2 py-1">
            <option value="">{L.choose}</option>
            {props.governorates.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </div>

        <div className={`mb-6 flex flex-col gap-1 ${errors.delegation ? "border-s-4 border-danger ps-3" : ""}`}>
          <label htmlFor="delegation" className="block font-semibold">
            {L.delegation}
          </label>
          <div id="delegation-hint" className="text-muted">
            {L.delegationHint}
          </div>
          {errors.delegation ? <p id="delegation-error" className="font-semibold text-danger"><span className="sr-only">{L.errorPrefix} </span>{errors.delegation}</p> : null}
          <select id="delegation" name="delegation" defaultValue={v("delegation") ?? ""} key={`${keyOf("delegation")}-${js && gov ? gov.id : "all"}`} aria-invalid={errors.delegation ? true : undefined} aria-describedby={`delegation-hint${errors.delegation ? " delegation-error" : ""}`} className="min-h-11 w-full max-w-xl border-2 border-ink bg-white px-2 py-1">
            <option value="">{L.choose}</option>
            {delegationGroups.map((g) => (
              <optgroup key={g.id} label={g.name}>
                {g.delegations.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>

        <div onChange={(e) => { const t = e.target as HTMLInputElement; if (t.name === "locationMode") setMode(t.value); }}>
          <Radios
            id="locationMode"
            name="locationMode"
            label={L.locationMode}
            hint={L.locationHint}
            key={keyOf("locationMode")}
            defaultValue={v("locationMode")}
            error={errors.locationMode}
            errorPrefix={L.errorPrefix}
            options={[
              { value: "gps", label: L.modeGps, hint: L.modeGpsHint },
              ...(props.mapTileUrl && mapUsable ? [{ value: "map", label: L.modeMap, hint: L.modeMapHint }] : []),
              { value: "place", label: L.modePlace, hint: L.modePlaceHint },
            ]}
          />
        </div>
        <input type="hidden" name="lat" value={point.lat ?? ""} />
        <input type="hidden" name="lon" value={point.lon ?? ""} />
        <input type="hidden" name="accuracy" value={point.accuracy ?? ""} />
        {js && mode === "gps" ? <GpsLocator labels={props.gpsLabels} onPoint={(p) => setPoint({ lat: String(p.lat), lon: String(p.lon), accuracy: String(p.accuracy) })} /> : null}
        {js && mode === "map" && props.mapTileUrl && mapUsable ? (
          <Suspense fallback={null}>
            <MapPicker tileUrl={props.mapTileUrl} labels={props.mapLabels} start={{ lat: 34.5, lon: 9.5, zoom: 7 }} onUnavailable={mapUnavailable} onPoint={(p) => setPoint({ lat: String(p.lat), lon: String(p.lon), accuracy: "" })} />
          </Suspense>
        ) : null}

        <TextField id="place" name="place" label={L.place} hint={L.placeHint} maxLength={300} autoComplete="off" defaultValue={v("place")} key={keyOf("place")} error={errors.place} errorPrefix={L.errorPrefix} />
        <TextArea id="description" name="description" label={L.description} hint={L.descriptionHint} maxLength={5000} rows={6} defaultValue={v("description")} key={keyOf("description")} error={errors.description} errorPrefix={L.errorPrefix} />

        <Check name="sharePhotoLocation" label={L.sharePhotoLocation} hint={L.sharePhotoLocationHint} checked={values.sharePhotoLocation !== undefined} />
        {js ? <ReportPhotos draftKey={outbox.key} max={props.maxPhotos} maxBytes={props.maxPhotoBytes} labels={props.photoLabels} /> : <p className="mb-6 text-muted">{L.photosNoScript}</p>}
        <Check name="hideName" label={L.hideName} hint={L.hideNameHint} checked={failed || serverCheck ? values.hideName !== undefined : true} />

        {!check ? <p className="mb-4 text-sm text-muted">{L.draftNote}</p> : null}
        <Button type="submit" name="step" value="check" disabled={busy} aria-disabled={busy} variant={check ? "secondary" : "primary"}>
          {L.continue}
        </Button>
      </div>
    </form>
  );
}

function Check({ name, label, hint, checked }: { name: string; label: string; hint: string; checked: boolean }) {
  return (
    <div className="mb-6 flex items-start gap-3" key={`${name}-${checked}`}>
      <input id={name} type="checkbox" name={name} value="true" defaultChecked={checked} aria-describedby={`${name}-hint`} className="mt-1 size-7 shrink-0 accent-brand" />
      <div>
        <label htmlFor={name} className="block min-h-8 py-0.5 font-semibold">
          {label}
        </label>
        <div id={`${name}-hint`} className="text-muted">
          {hint}
        </div>
      </div>
    </div>
  );
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? "");
}

/** The answers as the citizen gave them, in words, each with the question to change it. */
export function answersOf(check: ReportCheck, props: { labels: ReportFormLabels; categories: { value: string; label: string }[]; governorates: (Place & { delegations: Place[] })[] }): CheckAnswer[] {
  const L = props.labels;
  const s = (k: string) => (typeof check.values[k] === "string" ? (check.values[k] as string) : "");
  const gov = props.governorates.find((g) => g.id === s("governorate"));
  const del = gov?.delegations.find((d) => d.id === s("delegation"));
  const mode = s("locationMode");
  const where =
    mode === "gps" ? fill(L.pointGps, { accuracy: s("accuracy") || "?" }) : mode === "map" ? fill(L.pointMap, { lat: Number(s("lat")).toFixed(5), lon: Number(s("lon")).toFixed(5) }) : s("place");
  const out: CheckAnswer[] = [
    { label: L.category, value: props.categories.find((c) => c.value === s("category"))?.label ?? "", changeHref: "#category" },
    { label: L.delegation, value: `${del?.name ?? ""} — ${gov?.name ?? ""}`, changeHref: "#governorate" },
    { label: L.locationMode, value: where, changeHref: "#locationMode" },
  ];
  if (mode !== "place" && s("place")) out.push({ label: L.place, value: s("place"), changeHref: "#place" });
  out.push({ label: L.description, value: s("description"), changeHref: "#description" });
  out.push({ label: L.photos, value: String(check.photos), changeHref: "#photos-hint" });
  if (check.photos > 0) out.push({ label: L.sharePhotoLocation, value: s("sharePhotoLocation") ? L.yes : L.no, changeHref: "#sharePhotoLocation" });
  out.push({ label: L.hideName, value: s("hideName") ? L.yes : L.no, changeHref: "#hideName" });
  return out;
}
