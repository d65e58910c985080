import { describe, expect, it } from "vitest";
import { buildIcs, escapeText, foldLine } from "./ics";

const event = {
  uid: "b6a4@idarti.tn",
  sequence: 2,
  start: new Date("2026-06-15T08:00:00Z"),
  end: new Date("2026-06-15T08:30:00Z"),
  stamp: new Date("2026-06-10T12:34:56.789Z"),
  summary: "مقابلة عن بعد — STEG",
  description: "Référence RDV-7K3F-9Q2X; sujet: facture, compteur\nligne 2",
  url: "https://idarti.example.tn/fr/interviews/b6a4",
};

describe(".ics", () => {
  const ics = buildIcs(event, "Africa/Tunis");
  const unfolded = ics.replace(/\r\n /g, "");

  it("is a CRLF calendar with one event in Tunis time", () => {
    expect(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/\n/);
    expect(unfolded).toContain("DTSTART;TZID=Africa/Tunis:20260615T090000");
    expect(unfolded).toContain("DTEND;TZID=Africa/Tunis:20260615T093000");
    expect(unfolded).toContain("TZOFFSETTO:+0100");
    expect(unfolded).toContain("DTSTAMP:20260610T123456Z");
    expect(unfolded).toContain("SEQUENCE:2");
    expect(unfolded).toContain("UID:b6a4@idarti.tn");
    expect(unfolded).toContain("TRIGGER:-PT15M");
    expect(unfolded).toContain("STATUS:CONFIRMED");
  });

  it("escapes text and folds long lines without splitting a character", () => {
    expect(escapeText("a;b,c\\d\ne")).toBe("a\\;b\\,c\\\\d\\ne");
    expect(unfolded).toContain("DESCRIPTION:Référence RDV-7K3F-9Q2X\\; sujet: facture\\, compteur\\nligne 2");
    const long = foldLine("SUMMARY:" + "مقابلة ".repeat(30));
    for (const line of long.split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(long.replace(/\r\n /g, "")).toBe("SUMMARY:" + "مقابلة ".repeat(30));
    for (const line of ics.split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });

  it("a cancelled event says so and has no alarm", () => {
    const cancelled = buildIcs({ ...event, cancelled: true }, "Africa/Tunis");
    expect(cancelled).toContain("METHOD:CANCEL");
    expect(cancelled).toContain("STATUS:CANCELLED");
    expect(cancelled).not.toContain("VALARM");
  });
});
