import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getCatalogue, parseCatalogue } from "./catalogue";
import { serviceFiles } from "./data/services";
import { reservedServiceSlugs, service, type Service } from "./schema";

const dataDir = path.join(__dirname, "data");
const catalogue = getCatalogue();
const serviceFileNames = readdirSync(path.join(dataDir, "services")).filter((f) => f.endsWith(".json"));

describe("catalogue data files", () => {
  it("every service file is valid against the schema (all three languages present)", () => {
    for (const name of serviceFileNames) {
      const raw = JSON.parse(readFileSync(path.join(dataDir, "services", name), "utf8"));
      const parsed = service.safeParse(raw);
      expect(parsed.success, `${name}: ${parsed.success ? "" : parsed.error.message}`).toBe(true);
      expect(raw.slug, `${name} is named after its slug`).toBe(name.replace(/\.json$/, ""));
    }
  });

  it("every service file is listed in data/services/index.ts", () => {
    expect(serviceFiles).toHaveLength(serviceFileNames.length);
    expect(new Set(catalogue.services.map((s) => `${s.slug}.json`))).toEqual(new Set(serviceFileNames));
  });

  it("has at least 30 services covering every body", () => {
    expect(catalogue.services.length).toBeGreaterThanOrEqual(30);
    for (const body of catalogue.bodies) {
      expect(catalogue.services.some((s) => s.body === body.id), `a service of ${body.id}`).toBe(true);
    }
  });

  it("slugs and ids are unique and never shadow a fixed route", () => {
    const unique = (xs: string[]) => new Set(xs).size === xs.length;
    expect(unique(catalogue.services.map((s) => s.slug))).toBe(true);
    expect(unique(catalogue.bodies.map((b) => b.id))).toBe(true);
    expect(unique(catalogue.categories.map((c) => c.id))).toBe(true);
    expect(unique(catalogue.lifeEvents.map((e) => e.slug))).toBe(true);
    for (const s of catalogue.services) expect(reservedServiceSlugs).not.toContain(s.slug);
    for (const s of catalogue.services) expect(unique(s.documents.map((d) => d.id)), `${s.slug} document ids`).toBe(true);
  });

  it("every reference resolves: body, categories, related services, life-event steps", () => {
    const slugs = new Set(catalogue.services.map((s) => s.slug));
    const bodies = new Set(catalogue.bodies.map((b) => b.id));
    const categories = new Set(catalogue.categories.map((c) => c.id));
    for (const s of catalogue.services) {
      expect(bodies.has(s.body), `${s.slug} → body ${s.body}`).toBe(true);
      for (const c of s.categories) expect(categories.has(c), `${s.slug} → category ${c}`).toBe(true);
      for (const r of s.related) {
        expect(slugs.has(r), `${s.slug} → related ${r}`).toBe(true);
        expect(r).not.toBe(s.slug);
      }
    }
    for (const e of catalogue.lifeEvents) {
      for (const step of e.steps) if (step.service) expect(slugs.has(step.service), `${e.slug} → ${step.service}`).toBe(true);
    }
    for (const c of catalogue.categories) expect(catalogue.services.some((s) => s.categories.includes(c.id)), `category ${c.id} is used`).toBe(true);
  });

  it("an online channel always says where it starts, and only then", () => {
    for (const s of catalogue.services) expect(Boolean(s.onlinePath), s.slug).toBe(s.channels.includes("online"));
  });

  it("a procedure that takes scans starts online at the scanned-submission form, and has documents to send", () => {
    const scanned = catalogue.services.filter((s) => s.scans);
    expect(scanned.length).toBeGreaterThanOrEqual(3);
    for (const s of scanned) {
      expect(s.onlinePath, s.slug).toBe(`/requests/documents/new?service=${s.slug}`);
      expect(s.documents.length, s.slug).toBeGreaterThan(0);
    }
  });

  it("money is integer millimes and unknown figures say so", () => {
    for (const s of catalogue.services) {
      if (s.fee.kind === "fixed") expect(Number.isSafeInteger(s.fee.millimes)).toBe(true);
      if (s.fee.kind === "unknown") expect(s.fee.note.en.length).toBeGreaterThan(10);
    }
  });

  it("guided questions refer only to their own questions and answers", () => {
    const withGuide = catalogue.services.filter((s): s is Service & { guide: NonNullable<Service["guide"]> } => Boolean(s.guide));
    expect(withGuide.length).toBeGreaterThanOrEqual(3);
    for (const s of withGuide) {
      const answers = new Map(s.guide.questions.map((q) => [q.id, new Set(q.options.map((o) => o.value))]));
      const check = (cond: Record<string, string[]> | undefined, where: string) => {
        for (const [q, values] of Object.entries(cond ?? {})) {
          expect(answers.has(q), `${s.slug} ${where}: question ${q}`).toBe(true);
          for (const v of values) expect(answers.get(q)!.has(v), `${s.slug} ${where}: ${q}=${v}`).toBe(true);
        }
      };
      s.guide.questions.forEach((q, i) => {
        check(q.askIf, `askIf of ${q.id}`);
        // A question may only depend on questions asked before it.
        for (const dep of Object.keys(q.askIf ?? {})) expect(s.guide.questions.findIndex((x) => x.id === dep)).toBeLessThan(i);
      });
      s.guide.notes.forEach((n, i) => check(n.when, `note ${i}`));
      s.documents.forEach((d) => check(d.when, `document ${d.id}`));
      s.steps.forEach((st, i) => check(st.when, `step ${i}`));
    }
  });

  it("has at least three life events, each stringing services of several bodies", () => {
    expect(catalogue.lifeEvents.length).toBeGreaterThanOrEqual(3);
    const bodyOf = new Map(catalogue.services.map((s) => [s.slug, s.body]));
    for (const e of catalogue.lifeEvents) {
      const bodies = new Set(e.steps.flatMap((s) => (s.service ? [bodyOf.get(s.service)] : [])));
      expect(bodies.size, e.slug).toBeGreaterThanOrEqual(2);
    }
  });

  it("rejects a file with a missing translation", () => {
    const broken = structuredClone(JSON.parse(readFileSync(path.join(dataDir, "services", serviceFileNames[0]!), "utf8")));
    delete broken.title.fr;
    expect(() => parseCatalogue({ services: [broken], bodies: [], categories: [], lifeEvents: [] })).toThrow(/title/);
  });
});
