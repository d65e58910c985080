import { z } from "zod";
import { defineKind } from "../../kind";
import { defineMachine } from "../../machine";
import { A, S, bilingual, both, checkbox, description, notEscalatedYet, overdue, snippet, withinReopenWindow } from "../shared";
import { REPORT_BODY_ID, findMunicipalCategory, municipalCategoryName } from "./categories";
import { checksCategoryList } from "../complaint/categories";
import { isDelegationOf, placeNames } from "./places";
import { text, nameText } from "@/lib/text/input";
import { municipalityField } from "@/lib/municipalities/fields";
import { municipalityForPlace } from "@/lib/municipalities/municipalities";

/**
 * A problem in the street reported to the municipality. The place is an equal choice: the phone's
 * position, a pin on a map (when the map loads), or a description (governorate → delegation →
 * street or landmark) — never the map alone, so screen-reader users and offline phones can report.
 * The delegation is asked in every case: the public list is filtered by it.
 */
const coordinate = (min: number, max: number) => z.coerce.number({ error: "MunicipalReport.errors.locationRequired" }).min(min, "MunicipalReport.errors.locationOutside").max(max, "MunicipalReport.errors.locationOutside");
// Tunisia and its waters, generously.
const lat = coordinate(30, 37.6);
const lon = coordinate(7.4, 11.7);

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const place = nameText().max(300, "MunicipalReport.errors.placeTooLong");

export const locationSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("gps"), lat, lon, accuracy: z.coerce.number().min(0).max(100_000).optional(), place: place.optional() }),
  z.object({ mode: z.literal("map"), lat, lon, place: place.optional() }),
  z.object({ mode: z.literal("place"), place: place.min(3, "MunicipalReport.errors.placeRequired") }),
], { error: "MunicipalReport.errors.locationModeRequired" });

/**
 * Forms send flat fields (locationMode, lat, lon, accuracy, place); the stored payload keeps the
 * location as one object. Accepts both, so a stored payload validates again as it is.
 */
function nestLocation(raw: unknown): unknown {
  if (!raw || typeof raw !== "object") return raw;
  const r = raw as Record<string, unknown>;
  if (r.location !== undefined || r.locationMode === undefined) return raw;
  const { locationMode, lat, lon, accuracy, place, ...rest } = r;
  const text = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
  return { ...rest, location: { mode: locationMode, lat: text(lat), lon: text(lon), accuracy: text(accuracy), place: text(place) } };
}

export const municipalReportSchema = z.preprocess(nestLocation, z.object({
  // The published list at filing time (a refine, not an enum made at load: editors add and remove
  // categories); on the phone only "one was chosen" (checksCategoryList).
  category: text({ error: "MunicipalReport.errors.categoryRequired" })
    .min(1, "MunicipalReport.errors.categoryRequired")
    .refine((c) => !checksCategoryList() || findMunicipalCategory(c) !== null, "MunicipalReport.errors.categoryRequired"),
  governorate: text({ error: "MunicipalReport.errors.governorateRequired" }).regex(SLUG, "MunicipalReport.errors.governorateRequired"),
  delegation: text({ error: "MunicipalReport.errors.delegationRequired" }).regex(SLUG, "MunicipalReport.errors.delegationRequired"),
  location: locationSchema,
  /** The citizen's choice of municipality: asked only when the place could be in several towns. */
  municipalityId: municipalityField,
  description: description("MunicipalReport"),
  hideName: checkbox.default(true),
  /** The citizen agreed that their photos keep the place they were taken. */
  sharePhotoLocation: checkbox.default(false),
}).refine((p) => isDelegationOf(p.governorate, p.delegation), { path: ["delegation"], message: "MunicipalReport.errors.delegationNotInGovernorate" })
  .superRefine((p, ctx) => {
    // The place decides the municipality; when it could be in several towns, the citizen says which (nothing typed is lost).
    // (A delegation of another governorate is refused on its own field, above: not asked twice.)
    if (!p.municipalityId && isDelegationOf(p.governorate, p.delegation) && municipalityForPlace(placeOfReport(p)).kind === "ask") {
      ctx.addIssue({ code: "custom", path: ["municipalityId"], message: "Municipalities.errors.ask" });
    }
  }));
export type MunicipalReportPayload = z.infer<typeof municipalReportSchema>;

const open = ["received", "acknowledged", "scheduled", "escalated"] as const;

export const municipalReportMachine = defineMachine({
  initial: "received",
  states: {
    received: { label: S("received"), tone: "blue", clock: "running" },
    acknowledged: { label: S("acknowledged"), tone: "yellow", clock: "running" },
    scheduled: { label: S("scheduled"), tone: "yellow", clock: "running" },
    escalated: { label: S("escalated"), tone: "red", clock: "running" },
    resolved: { label: S("resolved"), tone: "green", clock: "stopped", final: true },
    rejected: { label: S("rejected"), tone: "grey", clock: "stopped", final: true },
    duplicate: { label: S("duplicate"), tone: "grey", clock: "stopped", final: true },
    withdrawn: { label: S("withdrawn"), tone: "grey", clock: "stopped", final: true },
  },
  transitions: [
    { from: ["received", "escalated"], to: "acknowledged", by: ["staff"], label: A("acknowledge") },
    { from: ["received", "acknowledged", "escalated"], to: "scheduled", by: ["staff"], label: A("schedule"), requiresMessage: true },
    { from: open, to: "resolved", by: ["staff"], label: A("resolve"), requiresMessage: true },
    { from: open, to: "rejected", by: ["staff"], label: A("reject"), requiresMessage: true },
    { from: open, to: "duplicate", by: ["staff"], label: A("markDuplicate"), requiresMessage: true },
    { from: ["received", "acknowledged", "scheduled"], to: "escalated", by: ["citizen"], label: A("escalate"), guard: both(overdue, notEscalatedYet) },
    { from: ["resolved"], to: "acknowledged", by: ["citizen"], label: A("reopen"), requiresMessage: true, guard: withinReopenWindow },
    { from: ["received"], to: "withdrawn", by: ["citizen"], label: A("withdraw") },
  ],
});

export const municipalReport = defineKind({
  id: "municipal-report",
  schema: municipalReportSchema,
  machine: municipalReportMachine,
  deadline: {
    // The service level published when the report is filed (stored with the case: new reports only).
    initial: (p: MunicipalReportPayload) => ({ days: findMunicipalCategory(p.category)?.serviceLevelDays ?? 15 }),
    dueSoon: { days: 1 },
  },
  // "The municipality": the engine places it in the town of its place (lib/cases/engine/place.ts).
  route: () => ({ bodyId: REPORT_BODY_ID }),
  place: (p: MunicipalReportPayload) => placeOfReport(p),
  messages: {
    name: "MunicipalReport.kindName",
    fields: {
      category: "MunicipalReport.fields.category",
      delegation: "MunicipalReport.fields.delegation",
      municipalityId: "Municipalities.field",
      location: "MunicipalReport.fields.location",
      description: "MunicipalReport.fields.description",
    },
  },
  title: (p) => snippet(p.description),
  describe: (p, dataLang) => [
    ...(p.municipalityId ? ([["municipalityId", p.municipalityId]] as [string, string][]) : []),
    ["category", bilingual(municipalCategoryName(p.category) ?? undefined, dataLang) ?? p.category],
    ["delegation", placeOf(p, dataLang)],
    ["location", p.location.mode === "place" ? p.location.place : `${p.location.lat.toFixed(5)}, ${p.location.lon.toFixed(5)}${p.location.place ? ` — ${p.location.place}` : ""}`],
    ["description", p.description],
  ],
});

function placeOf(p: Pick<MunicipalReportPayload, "governorate" | "delegation">, dataLang?: "ar" | "fr"): string {
  const names = placeNames(p.governorate, p.delegation);
  return names ? `${bilingual(names.delegation, dataLang)} (${bilingual(names.governorate, dataLang)})` : `${p.governorate} / ${p.delegation}`;
}

/** Where a report is, for its municipality: the citizen's choice, else its delegation and point. */
export function placeOfReport(p: Pick<MunicipalReportPayload, "governorate" | "delegation" | "location" | "municipalityId">) {
  return { municipalityId: p.municipalityId, governorateId: p.governorate, delegationId: p.delegation, point: pointOf(p) };
}

/** The point of a report, when it has one (for "is it one of these?"). */
export function pointOf(p: Pick<MunicipalReportPayload, "location">): { lat: number; lon: number } | null {
  return p.location.mode === "place" ? null : { lat: p.location.lat, lon: p.location.lon };
}
