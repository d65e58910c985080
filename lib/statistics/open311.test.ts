import { describe, expect, it } from "vitest";
import type { cases } from "@/lib/db/schema";
import { municipalCategories } from "@/lib/cases/kinds/municipal-report/categories";
import { errorsXml, listServices, requestsXml, serviceDefinition, serviceDefinitionXml, servicesXml, toRequest, w3c } from "./open311";
import { OPEN311_XML, open311DefinitionSchema, open311ErrorsSchema, open311RequestSchema, open311ServiceSchema } from "./open311-schema";

/**
 * The Open311 GeoReport v2 answers against the specification's formats
 * (https://wiki.open311.org/GeoReport_v2): the JSON records through the spec's field lists
 * (strict zod shapes: no field missing, none added), the XML through a strict reader of the
 * element tree the spec writes (root, one record element per item, one element per field in
 * the spec's order, text escaped). The e2e journey reads the same answers from the running app
 * with the browser's XML parser (e2e/statistics.spec.ts).
 */

// The spec's field lists, written out here rather than read from the schemas under test.
const SPEC = {
  service: ["service_code", "service_name", "description", "metadata", "type", "keywords", "group"],
  request: ["service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible", "service_notice", "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url"],
};

type Node = { name: string; children: Node[]; text: string };

/**
 * A strict reader of the XML these answers use (an XML declaration, elements, text, the five
 * predefined entities): throws on anything not well-formed — an unclosed or crossed element, a
 * bare "&" or "<", a character XML 1.0 cannot carry, text beside the root.
 */
function readXml(xml: string): Node {
  const head = '<?xml version="1.0" encoding="utf-8"?>\n';
  if (!xml.startsWith(head)) throw new Error("no XML declaration");
  // eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids are the point
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(xml)) throw new Error("a character XML cannot carry");
  const body = xml.slice(head.length).trimEnd();
  const token = /<(\/?)([A-Za-z_][\w.-]*)(\/?)>|([^<]+)/gy;
  const root: Node = { name: "#document", children: [], text: "" };
  const stack: Node[] = [root];
  let at = 0;
  for (let m = token.exec(body); m; m = token.exec(body)) {
    at = token.lastIndex;
    const top = stack[stack.length - 1]!;
    if (m[4] !== undefined) {
      if (stack.length === 1) throw new Error("text outside the root");
      if (/&(?!(amp|lt|gt|quot|apos);)/.test(m[4]) || m[4].includes(">")) throw new Error(`unescaped text: ${m[4]}`);
      top.text += m[4].replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" })[e]!);
    } else if (m[1]) {
      if (top.name !== m[2]) throw new Error(`</${m[2]}> closes <${top.name}>`);
      stack.pop();
    } else {
      const node: Node = { name: m[2]!, children: [], text: "" };
      if (stack.length === 1 && root.children.length > 0) throw new Error("two roots");
      top.children.push(node);
      if (!m[3]) stack.push(node);
    }
  }
  if (at !== body.length) throw new Error(`not XML at ${at}: ${body.slice(at, at + 20)}`);
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1]!.name}> not closed`);
  if (root.children.length !== 1) throw new Error("no root");
  return root.children[0]!;
}

/** The records of an answer: the root's name, each record's field elements and their texts. */
function records(xml: string, shape: { root: string; record?: string }) {
  const root = readXml(xml);
  expect(root.name).toBe(shape.root);
  const items = shape.record ? root.children : [root];
  for (const item of items) {
    if (shape.record) expect(item.name).toBe(shape.record);
    for (const field of item.children) expect(field.children.filter((c) => c.name !== "attribute")).toEqual([]);
  }
  return items.map((item) => ({ names: item.children.map((c) => c.name), texts: Object.fromEntries(item.children.map((c) => [c.name, c.text])) }));
}

/** JSON value → the XML text the spec writes for it (absent → empty element). */
const asText = (v: unknown) => (v === null || v === undefined ? "" : String(v));

type CaseRow = typeof cases.$inferSelect;
const submittedAt = new Date("2023-02-10T08:15:00Z"); // 09:15 in Tunis
function report(over: Partial<CaseRow> & { payload?: Record<string, unknown> } = {}): CaseRow {
  return {
    reference: "IDR-23-ABCD-EF",
    kind: "municipal-report",
    bodyId: "municipality-haidra",
    status: "submitted",
    submittedAt,
    updatedAt: new Date("2023-02-11T10:00:00Z"),
    dueAt: new Date("2023-02-17T08:15:00Z"),
    closedAt: null,
    payload: { category: "lighting", description: "Lamp out <near> the school & the mosque\u0007", location: { mode: "gps", lat: 35.567891, lon: 8.456789 } },
    ...over,
  } as unknown as CaseRow;
}
const opts = { lang: "fr" as const, statusNote: (s: string) => `status ${s}`, agency: () => "Commune de Haïdra" };

describe("Open311 GeoReport v2: GET Service List", () => {
  for (const lang of ["ar", "fr", "en"] as const) {
    it(`${lang}: every category, in the spec's fields, the same in JSON and XML`, () => {
      const services = listServices(lang, "Municipal reports");
      expect(services).toHaveLength(municipalCategories().length);
      for (const s of services) {
        open311ServiceSchema.parse(s);
        expect(Object.keys(s)).toEqual(SPEC.service);
      }
      const xml = records(servicesXml(services), OPEN311_XML.services);
      expect(xml).toHaveLength(services.length);
      xml.forEach((r, i) => {
        expect(r.names).toEqual(SPEC.service);
        expect(r.texts).toEqual(Object.fromEntries(SPEC.service.map((k) => [k, asText(services[i]![k as keyof (typeof services)[number]])])));
      });
    });
  }
  it("an empty list is still a well-formed <services/> document", () => {
    expect(readXml(servicesXml([]))).toEqual({ name: "services", children: [], text: "" });
  });
});

describe("Open311 GeoReport v2: GET Service Definition", () => {
  it("a known code: its attribute list (empty: no extra questions), JSON and XML; an unknown code: none", () => {
    const def = serviceDefinition("lighting")!;
    open311DefinitionSchema.parse(def);
    expect(serviceDefinition("nothing")).toBeNull();
    const [xml] = records(serviceDefinitionXml(def), OPEN311_XML.definition);
    expect(xml!.names).toEqual(["service_code", "attributes"]);
    expect(xml!.texts.service_code).toBe("lighting");
  });
});

describe("Open311 GeoReport v2: GET Service Requests", () => {
  it("an approved report: the spec's fields, the point rounded to about 100 m, its words escaped in XML", () => {
    const r = toRequest(report(), true, opts);
    open311RequestSchema.parse(r);
    expect(Object.keys(r)).toEqual(SPEC.request);
    expect(r).toMatchObject({ service_request_id: "IDR-23-ABCD-EF", status: "open", service_code: "lighting", lat: 35.568, long: 8.457, agency_responsible: "Commune de Haïdra", status_notes: "status submitted" });
    expect(r.requested_datetime).toBe("2023-02-10T09:15:00+01:00");
    expect(r.expected_datetime).toBe("2023-02-17T09:15:00+01:00");
    const [xml] = records(requestsXml([r]), OPEN311_XML.requests);
    expect(xml!.names).toEqual(SPEC.request);
    // The words come back as written, minus the control character XML cannot carry.
    expect(xml!.texts.description).toBe("Lamp out <near> the school & the mosque");
    expect(xml!.texts.lat).toBe("35.568");
    expect(xml!.texts.media_url).toBe("");
  });

  it("a report moderation has not approved: no words, no place, no point; a closed one: closed, nothing expected", () => {
    const r = toRequest(report({ closedAt: new Date("2023-02-12T08:00:00Z"), status: "resolved" }), false, opts);
    open311RequestSchema.parse(r);
    expect(r).toMatchObject({ status: "closed", description: null, address: null, lat: null, long: null, expected_datetime: null });
    const placed = toRequest(report({ payload: { category: "waste", description: "x", location: { mode: "place", place: "Rue de Tunis" } } }), true, opts);
    expect(placed).toMatchObject({ address: "Rue de Tunis", lat: null, long: null, service_code: "waste" });
    const [xml] = records(requestsXml([r, placed]), OPEN311_XML.requests).slice(1);
    expect(xml!.texts.address).toBe("Rue de Tunis");
  });

  it("W3C date-times in Tunisia's offset, naming the same instant", () => {
    for (const d of [submittedAt, new Date("2026-07-01T23:30:00Z"), new Date("2025-12-31T23:59:59Z")]) {
      const s = w3c(d);
      expect(s).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+01:00$/);
      expect(new Date(s).getTime()).toBe(Math.floor(d.getTime() / 1000) * 1000);
    }
  });
});

describe("Open311 GeoReport v2: errors", () => {
  it("an array of {code, description} in JSON, <errors><error> in XML", () => {
    const errors = [{ code: 404, description: "service_code not found" }];
    open311ErrorsSchema.parse(errors);
    const [xml] = records(errorsXml(errors), OPEN311_XML.errors);
    expect(xml).toEqual({ names: ["code", "description"], texts: { code: "404", description: "service_code not found" } });
  });

  it("the reader used here refuses what is not well-formed (the test can fail)", () => {
    const head = '<?xml version="1.0" encoding="utf-8"?>\n';
    for (const bad of ["<a><b></a></b>", "<a>x & y</a>", "<a>\u0001</a>", "<a></a><b/>", "<a>", "text<a/>"]) expect(() => readXml(head + bad)).toThrow();
  });
});
