import "server-only";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { getMunicipality } from "@/lib/municipalities/municipalities";
import { startOfLocalDay, parseLocalDate } from "@/lib/clock/zone";
import { getKind } from "@/lib/cases/kinds";
import { DATASETS, DATASET_IDS, LICENCE, isDatasetId, toCsv } from "./datasets";
import { loadDataset } from "./open-data";
import { periodSchema, resolvePeriod } from "./period";
import { SUPPRESS_BELOW } from "./suppress";
import { errorsXml, findRequests, isJurisdiction, listServices, requestsXml, serviceDefinition, serviceDefinitionXml, servicesXml, REPORT_KIND, type Lang, type Open311Error } from "./open311";

/**
 * The HTTP answers of open data and Open311, for the route files (which only compose them with
 * the HTTP edge, lib/http/edge.ts). Both are public, read-only and cacheable: anyone may read
 * them from anywhere (CORS *), a day's figures do not change once the day is over.
 */
const PUBLIC_HEADERS = { "access-control-allow-origin": "*", "cache-control": "public, max-age=900, stale-while-revalidate=3600", "x-content-type-options": "nosniff" };
export const OPEN_DATA_DEFAULT_DAYS = 90;

function splitFile(file: string, formats: readonly string[]): { name: string; format: string } | null {
  const m = /^(.+)\.([a-z]+)$/.exec(file);
  return m && formats.includes(m[2]!) ? { name: m[1]!, format: m[2]! } : null;
}

/** GET /api/v1/open-data — the list of datasets and where to read them. */
export function openDataIndex(origin: string): Response {
  return Response.json(
    {
      licence: LICENCE,
      suppressed_below: SUPPRESS_BELOW,
      datasets: DATASET_IDS.map((id) => ({ id, fields: DATASETS[id].fields.map((f) => ({ name: f.name, type: f.type === "text" ? "string" : "integer" })), csv: `${origin}/api/v1/open-data/${id}.csv`, json: `${origin}/api/v1/open-data/${id}.json` })),
    },
    { headers: PUBLIC_HEADERS },
  );
}

/** GET /api/v1/open-data/{dataset}.{csv|json}?from=YYYY-MM-DD&to=YYYY-MM-DD */
export async function openDataFile(req: Request, file: string): Promise<Response> {
  const f = splitFile(file, ["csv", "json"]);
  if (!f || !isDatasetId(f.name)) throw new AppError("notFound");
  const url = new URL(req.url);
  const parsed = periodSchema.safeParse({ from: url.searchParams.get("from") ?? "", to: url.searchParams.get("to") ?? "" });
  if (!parsed.success) throw new AppError("badRequest", { fields: Object.fromEntries(parsed.error.issues.map((i) => [i.path.join(".") || "from", i.message])) });
  // A day is published once it is over: by default the 90 days up to yesterday.
  const period = resolvePeriod(parsed.data, await now(), OPEN_DATA_DEFAULT_DAYS, -1);
  const { db } = await getDb();
  const rows = await loadDataset({ db, id: f.name, period });
  if (f.format === "csv") {
    return new Response(toCsv(f.name, rows), { headers: { ...PUBLIC_HEADERS, "content-type": "text/csv; charset=utf-8", "content-disposition": `inline; filename="idarti-${f.name}-${period.from}-${period.to}.csv"` } });
  }
  return Response.json({ dataset: f.name, licence: LICENCE, period, suppressed_below: SUPPRESS_BELOW, fields: DATASETS[f.name].fields.map((x) => x.name), rows }, { headers: PUBLIC_HEADERS });
}

// ---- Open311 GeoReport v2 ----------------------------------------------------------------------

const LANGS = { ar: "ar-TN", fr: "fr-TN", en: "en" } as const;
const langOf = (url: URL): Lang => {
  const l = url.searchParams.get("locale") ?? "";
  return l === "fr" || l === "en" || l === "ar" ? l : "ar";
};

function open311Error(format: string, status: number, description: string): Response {
  const errors: Open311Error[] = [{ code: status, description }];
  return format === "xml" ? new Response(errorsXml(errors), { status, headers: { "content-type": "text/xml; charset=utf-8", "cache-control": "no-store" } }) : Response.json(errors, { status, headers: { "cache-control": "no-store" } });
}

function answer(format: string, json: unknown, xml: string): Response {
  return format === "xml" ? new Response(xml, { headers: { ...PUBLIC_HEADERS, "content-type": "text/xml; charset=utf-8" } }) : Response.json(json, { headers: PUBLIC_HEADERS });
}

/** The jurisdiction asked for: none (every municipality), or one municipality's id; null when unknown. */
function jurisdictionOf(url: URL): { ok: true; id: string | null } | { ok: false } {
  const j = url.searchParams.get("jurisdiction_id");
  if (!j) return { ok: true, id: null };
  return isJurisdiction(j) ? { ok: true, id: j } : { ok: false };
}

/** GET /api/open311/v2/services.{json|xml} and /api/open311/v2/requests.{json|xml} */
export async function open311Top(req: Request, file: string): Promise<Response> {
  const f = splitFile(file, ["json", "xml"]);
  if (!f || (f.name !== "services" && f.name !== "requests")) return open311Error(f?.format ?? "json", 404, "not found");
  const url = new URL(req.url);
  const j = jurisdictionOf(url);
  if (!j.ok) return open311Error(f.format, 404, "jurisdiction_id not found");
  const lang = langOf(url);
  if (f.name === "services") {
    const t = await getTranslations({ locale: LANGS[lang], namespace: "Open311" });
    const services = listServices(lang, t("group"));
    return answer(f.format, services, servicesXml(services));
  }
  return requests(url, f.format, lang, j.id, null);
}

/** GET /api/open311/v2/services/{service_code}.{json|xml} — the service definition. */
export async function open311Service(_req: Request, file: string): Promise<Response> {
  const f = splitFile(file, ["json", "xml"]);
  if (!f) return open311Error("json", 404, "not found");
  const def = serviceDefinition(f.name);
  if (!def) return open311Error(f.format, 404, "service_code not found");
  return answer(f.format, def, serviceDefinitionXml(def));
}

/** GET /api/open311/v2/requests/{service_request_id}.{json|xml} — an array of one, as the spec says. */
export async function open311Request(req: Request, file: string): Promise<Response> {
  const f = splitFile(file, ["json", "xml"]);
  if (!f) return open311Error("json", 404, "not found");
  const url = new URL(req.url);
  const j = jurisdictionOf(url);
  if (!j.ok) return open311Error(f.format, 404, "jurisdiction_id not found");
  return requests(url, f.format, langOf(url), j.id, [f.name]);
}

const w3cDate = z.iso.datetime({ offset: true });
const dayOrDateTime = (v: string | null): Date | null | undefined => {
  if (!v) return undefined;
  if (w3cDate.safeParse(v).success) return new Date(v);
  const d = parseLocalDate(v);
  return d ? startOfLocalDay(d) : null;
};

async function requests(url: URL, format: string, lang: Lang, jurisdiction: string | null, ids: string[] | null): Promise<Response> {
  const start = dayOrDateTime(url.searchParams.get("start_date"));
  const end = dayOrDateTime(url.searchParams.get("end_date"));
  if (start === null || end === null) return open311Error(format, 400, "start_date and end_date are W3C date-times");
  const status = url.searchParams.get("status");
  if (status && status !== "open" && status !== "closed") return open311Error(format, 400, "status is open or closed");
  const codes = url.searchParams.get("service_code")?.split(",").filter(Boolean);
  const idList = ids ?? url.searchParams.get("service_request_id")?.split(",").filter(Boolean) ?? null;
  const locale = LANGS[lang];
  // Status labels are message keys the kind declares (Requests.status.*), read as plain keys.
  const root = (await getTranslations({ locale })) as unknown as { (key: string): string; has(key: string): boolean };
  const machine = getKind(REPORT_KIND)?.machine;
  const statusNote = (s: string) => {
    const key = machine?.states[s]?.label;
    return key && root.has(key) ? root(key) : s;
  };
  const agency = (bodyId: string) => getMunicipality(bodyId)?.name[lang] ?? null;
  const { db } = await getDb();
  const found = await findRequests({ db, now: await now(), lang, statusNote, agency, query: { jurisdiction, serviceCodes: codes, status: status as "open" | "closed" | null, start, end, ids: idList ?? undefined } });
  if (ids && found.length === 0) return open311Error(format, 404, "service_request_id not found");
  return answer(format, found, requestsXml(found));
}
