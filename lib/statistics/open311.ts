import "server-only";
import { and, desc, eq, gte, inArray, isNull, lt, sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/client";
import { cases, reportModeration } from "@/lib/db/schema";
import { findMunicipalCategory, municipalCategories, municipalCategoryName } from "@/lib/cases/kinds/municipal-report/categories";
import { parseReference } from "@/lib/cases/reference";
import { isMunicipalityBody } from "@/lib/municipalities/municipalities";
import { offsetMinutes } from "@/lib/clock/zone";

/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2), read-only, for the municipal
 * problem reports: the categories are the services, the reports are the service requests, and
 * each municipality (a body of its own) is a jurisdiction. Only what the public list of reports
 * already shows is published: never a name or phone; the citizen's words, place and point only
 * once moderation approved the report (as /reports does), the point rounded to about 100 m;
 * hidden and withdrawn reports never.
 */
export const REPORT_KIND = "municipal-report";
export const OPEN311_MAX_REQUESTS = 1000;
export const OPEN311_DEFAULT_DAYS = 90;

export type Lang = "ar" | "fr" | "en";
export type Open311Service = { service_code: string; service_name: string; description: string; metadata: boolean; type: "realtime" | "batch" | "blackbox"; keywords: string; group: string };
export type Open311Request = {
  service_request_id: string;
  status: "open" | "closed";
  status_notes: string | null;
  service_name: string | null;
  service_code: string;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
};
export type Open311Error = { code: number; description: string };

export function listServices(lang: Lang, group: string): Open311Service[] {
  return municipalCategories().map((c) => ({
    service_code: c.id,
    service_name: c.name[lang],
    description: c.name[lang],
    // No extra attributes are asked: the definition's attribute list is empty.
    metadata: false,
    type: "realtime",
    keywords: "",
    group,
  }));
}

export function serviceDefinition(code: string): { service_code: string; attributes: never[] } | null {
  return findMunicipalCategory(code) ? { service_code: code, attributes: [] } : null;
}

/** W3C date-time in Tunisia's offset, as the spec's examples (2010-04-14T06:37:38-08:00). */
export function w3c(d: Date): string {
  const off = offsetMinutes(d);
  const local = new Date(d.getTime() + off * 60_000).toISOString().slice(0, 19);
  const sign = off >= 0 ? "+" : "-";
  const a = Math.abs(off);
  return `${local}${sign}${String(Math.floor(a / 60)).padStart(2, "0")}:${String(a % 60).padStart(2, "0")}`;
}

export type RequestQuery = { jurisdiction?: string | null; serviceCodes?: string[]; status?: "open" | "closed" | null; start?: Date; end?: Date; ids?: string[] };

/** A jurisdiction is a municipality's id ("municipality-haidra"); anything else is unknown. */
export function isJurisdiction(id: string): boolean {
  return isMunicipalityBody(id);
}

export async function findRequests(opts: { db: Db | Tx; query: RequestQuery; now: Date; lang: Lang; statusNote: (status: string) => string; agency: (bodyId: string) => string | null }): Promise<Open311Request[]> {
  const q = opts.query;
  const conditions: SQL[] = [eq(cases.kind, REPORT_KIND), isNull(reportModeration.hiddenAt), sql`${cases.status} <> 'withdrawn'`];
  if (q.ids) {
    const refs = q.ids.map((id) => parseReference(id)).filter((r): r is string => r !== null);
    if (refs.length === 0) return [];
    conditions.push(inArray(cases.reference, refs));
  } else {
    // Without ids, the spec's default window: the last 90 days, at most 1000 requests.
    const end = q.end ?? opts.now;
    const start = q.start ?? new Date(end.getTime() - OPEN311_DEFAULT_DAYS * 86_400_000);
    conditions.push(gte(cases.submittedAt, start), lt(cases.submittedAt, end));
  }
  if (q.jurisdiction) conditions.push(eq(cases.bodyId, q.jurisdiction));
  if (q.serviceCodes?.length) conditions.push(inArray(sql<string>`${cases.payload} ->> 'category'`, q.serviceCodes));
  if (q.status === "open") conditions.push(isNull(cases.closedAt));
  if (q.status === "closed") conditions.push(sql`${cases.closedAt} is not null`);
  const rows = await opts.db
    .select({ c: cases, approvedAt: reportModeration.approvedAt })
    .from(cases)
    .leftJoin(reportModeration, eq(reportModeration.caseId, cases.id))
    .where(and(...conditions))
    .orderBy(desc(cases.submittedAt))
    .limit(OPEN311_MAX_REQUESTS);
  return rows.map(({ c, approvedAt }) => toRequest(c, approvedAt !== null, opts));
}

type CaseRow = typeof cases.$inferSelect;
type Payload = { category?: string; description?: string; location?: { mode?: string; lat?: number; lon?: number; place?: string } };

/** Rounded to 3 decimals (about 100 m): where the problem is, not whose door it is. */
const round3 = (n: number) => Math.round(n * 1000) / 1000;

export function toRequest(c: CaseRow, approved: boolean, opts: { lang: Lang; statusNote: (status: string) => string; agency: (bodyId: string) => string | null }): Open311Request {
  const p = c.payload as Payload;
  const category = String(p.category ?? "");
  const loc = p.location;
  const point = approved && loc && loc.mode !== "place" && typeof loc.lat === "number" && typeof loc.lon === "number" ? { lat: round3(loc.lat), long: round3(loc.lon) } : null;
  return {
    service_request_id: c.reference,
    status: c.closedAt ? "closed" : "open",
    status_notes: opts.statusNote(c.status),
    // A category removed since keeps its name (or is named by its code).
    service_name: municipalCategoryName(category)?.[opts.lang] ?? null,
    service_code: category,
    description: approved ? String(p.description ?? "") : null,
    agency_responsible: opts.agency(c.bodyId),
    service_notice: null,
    requested_datetime: w3c(c.submittedAt),
    updated_datetime: w3c(c.updatedAt),
    expected_datetime: c.dueAt && !c.closedAt ? w3c(c.dueAt) : null,
    address: approved ? (loc?.place ?? null) : null,
    address_id: null,
    zipcode: null,
    lat: point?.lat ?? null,
    long: point?.long ?? null,
    media_url: null,
  };
}

// Characters XML 1.0 cannot carry (C0 controls but tab, newline, return): dropped from text.
// eslint-disable-next-line no-control-regex -- matching them is the point
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;
// XML: the spec's element names, one element per field; an absent value is an empty element.
const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[ch]!).replace(XML_INVALID, "");
const element = (name: string, value: unknown): string => (value === null || value === undefined || value === "" ? `<${name}/>` : `<${name}>${esc(String(value))}</${name}>`);
const record = (name: string, obj: Record<string, unknown>) => `<${name}>${Object.entries(obj).map(([k, v]) => element(k, v)).join("")}</${name}>`;
const XML_HEAD = '<?xml version="1.0" encoding="utf-8"?>\n';

export function servicesXml(services: Open311Service[]): string {
  return `${XML_HEAD}<services>${services.map((s) => record("service", s)).join("")}</services>\n`;
}
export function serviceDefinitionXml(def: { service_code: string }): string {
  return `${XML_HEAD}<service_definition>${element("service_code", def.service_code)}<attributes/></service_definition>\n`;
}
export function requestsXml(requests: Open311Request[]): string {
  return `${XML_HEAD}<service_requests>${requests.map((r) => record("request", r)).join("")}</service_requests>\n`;
}
export function errorsXml(errors: Open311Error[]): string {
  return `${XML_HEAD}<errors>${errors.map((e) => record("error", e)).join("")}</errors>\n`;
}
