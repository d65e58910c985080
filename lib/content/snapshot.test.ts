import { afterEach, describe, expect, it } from "vitest";
import { getLesson, LESSON_FILES, setPublishedLessons } from "@/lib/learning/lessons";
import { CERTIFICATE_TYPE_FILES, findCertificateType, listCertificateTypes, setPublishedCertificateTypes } from "@/lib/cases/kinds/certificate-request/types";
import { ownerBodyOf } from "./kinds";
import { buildSnapshot, fingerprint, seedDocuments } from "./snapshot";

const first = LESSON_FILES[0]!;

describe("lessons in the published content", () => {
  afterEach(() => setPublishedLessons(undefined));

  it("every lesson file is a document of the store, keyed by its slug", () => {
    const lessons = seedDocuments().filter((d) => d.kind === "lesson");
    expect(lessons.map((d) => d.key)).toEqual(LESSON_FILES.map((l) => l.slug));
  });

  it("a published version replaces the file's lesson on its pages; the fingerprint follows", () => {
    const edited = { ...structuredClone(first), title: { ...first.title, fr: "Internet, les premiers pas" } };
    const snapshot = buildSnapshot(new Map([[`lesson:${first.slug}`, edited]]));
    expect(snapshot.lessons[0]!.title.fr).toBe("Internet, les premiers pas");
    expect(fingerprint(snapshot)).not.toBe(fingerprint(buildSnapshot(new Map())));
    setPublishedLessons(snapshot.lessons);
    expect(getLesson(first.slug, "fr-TN")?.title).toBe("Internet, les premiers pas");
    setPublishedLessons(undefined);
    expect(getLesson(first.slug, "fr-TN")?.title).toBe(first.title.fr);
  });

  it("a version the schema refuses is never served: the file's lesson is", () => {
    const broken = { ...structuredClone(first), questions: [] };
    expect(buildSnapshot(new Map([[`lesson:${first.slug}`, broken]])).lessons[0]).toEqual(first);
  });
});

describe("certificate types in the published content", () => {
  afterEach(() => setPublishedCertificateTypes(undefined));
  const type = CERTIFICATE_TYPE_FILES[0]!;

  it("are documents of the store, owned by their issuer", () => {
    const docs = seedDocuments().filter((d) => d.kind === "certificate-type");
    expect(docs.map((d) => d.key)).toEqual(CERTIFICATE_TYPE_FILES.map((c) => c.id));
    expect(ownerBodyOf("certificate-type", docs[0]!.data)).toBe(type.bodyId);
  });

  it("a published version changes what the engine reads (the delay a new request gets)", () => {
    const snapshot = buildSnapshot(new Map([[`certificate-type:${type.id}`, { ...structuredClone(type), days: type.days + 3 }]]));
    setPublishedCertificateTypes(snapshot.certificateTypes);
    expect(findCertificateType(type.id)?.days).toBe(type.days + 3);
    expect(listCertificateTypes().map((c) => c.id)).toEqual(CERTIFICATE_TYPE_FILES.map((c) => c.id));
  });

  it("a refused version (a language the body does not issue in) is never served", () => {
    const snapshot = buildSnapshot(new Map([[`certificate-type:${type.id}`, { ...structuredClone(type), languages: ["en"] }]]));
    expect(snapshot.certificateTypes[0]).toEqual(type);
  });
});
