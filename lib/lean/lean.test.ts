import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { bootScripts } from "@/lib/security/boot-scripts";
import { clientLeaves, leanHtml, remainingScripts } from "./strip";
import { BASE_SCRIPT, isLeanCandidate, isRouterRequest, scriptsFor } from "./routes";

// The shape of a page as Next 16 serves it (abridged from .next/server/app/ar-TN/services/*.html).
const flight = `<script>self.__next_f.push([1,"1:I[339756,[\\"$2\\"],\\"default\\"]\\n5:I[120120,[\\"$2\\",\\"$5\\"],\\"SwUpdate\\"]\\n9:I[44,[\\"$2\\"],\\"PrintButton\\"]\\n"])</script>`;
const page = (body: string, extra = "") =>
  `<!DOCTYPE html><html lang="ar-TN" dir="rtl"><head><meta charSet="utf-8"/>` +
  `<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>` +
  `<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/b.js"/>` +
  `<link rel="modulepreload" href="/_next/static/chunks/m.js"/>` +
  `<script src="/_next/static/chunks/b.js" async=""></script>` +
  `<script src="/_next/static/chunks/poly.js" noModule=""></script>` +
  `<script>${bootScripts[0]}</script><script>${bootScripts[1]}</script>` +
  `<noscript><link rel="stylesheet" href="/api/text-size/css"/></noscript>` +
  `<link rel="manifest" href="/manifest.webmanifest"/></head><body>${body}${extra}` +
  `<script id="_R_">(globalThis["TURBOPACK"]||[]).push({})</script>` +
  flight +
  `<script>self.__next_f.push([1,"\\u003c/script\\u003e<b>not a tag</b>"])</script></body></html>`;

describe("lean pages", () => {
  it("keeps the HTML, the CSS and the boot scripts; drops every framework script and its hints; adds the enhancement", () => {
    const html = leanHtml(page(`<main id="main"><h1>شهادة</h1><a href="/ar/services">x</a></main>`), { keepInline: bootScripts, add: [BASE_SCRIPT] });
    const left = remainingScripts(html);
    expect(left.inline).toEqual([...bootScripts]);
    expect(left.src).toEqual([BASE_SCRIPT]);
    expect(html).not.toMatch(/__next_f|TURBOPACK|_next\/static\/chunks\/[bmp]/);
    expect(html).toContain('<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>');
    expect(html).toContain('<link rel="manifest" href="/manifest.webmanifest"/>');
    expect(html).toContain('<noscript><link rel="stylesheet" href="/api/text-size/css"/></noscript>');
    expect(html).toContain(`<main id="main"><h1>شهادة</h1><a href="/ar/services">x</a></main>`);
    expect(html.indexOf(`src="${BASE_SCRIPT}"`)).toBeLessThan(html.indexOf("</head>"));
  });

  it("keeps the app's own scripts and data blocks (the corner's script, JSON-LD), not another site's", () => {
    const extra = `<script async src="/kiosk-leaf.js"></script><script type="application/ld+json">{"@type":"GovernmentService"}</script><script src="https://cdn.example/x.js"></script><script src="//cdn.example/y.js"></script>`;
    const left = remainingScripts(leanHtml(page("<p>x</p>", extra), { keepInline: bootScripts, add: [] }));
    expect(left.src).toEqual(["/kiosk-leaf.js"]);
    expect(left.inline).toEqual([...bootScripts, `{"@type":"GovernmentService"}`]);
  });

  it("never lets a framework script through, whatever text the page holds (property)", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "<", ">", "/", "s", "c", "r", "i", "p", "t", " ", '"', "=", "ل") });
    fc.assert(
      fc.property(fc.array(text, { maxLength: 6 }), (parts) => {
        // Text escaped as React escapes it: no raw "<" in text content.
        const body = parts.map((p) => `<p>${p.replace(/</g, "&lt;").replace(/>/g, "&gt;")}</p>`).join("");
        const left = remainingScripts(leanHtml(page(body), { keepInline: bootScripts, add: [] }));
        expect(left.src).toEqual([]);
        expect(left.inline).toEqual([...bootScripts]);
      }),
    );
  });

  it("reads the client leaves a page renders from its flight data; a leaf without enhancement keeps the page full", () => {
    expect(clientLeaves(page(""))).toEqual(new Set(["339756:default", "120120:SwUpdate", "44:PrintButton"]));
    expect(clientLeaves(`1:I[7,["$2"],"OpenNow"]\n`)).toEqual(new Set(["7:OpenNow"]));
    // A name used twice is a row of its own, referred to by its number (which differs per page).
    const help = `<script>self.__next_f.push([1,"22:I[120120,[\\"$2\\"],\\"SwUpdate\\"]\\n23:\\"ErrorTitlePrefixProvider\\"\\n24:I[402398,[\\"$2\\"],\\"$23\\"]\\n"])</script>`;
    expect(clientLeaves(help)).toEqual(new Set(["120120:SwUpdate", "402398:ErrorTitlePrefixProvider"]));
    expect(clientLeaves(`1f:"ErrorTitlePrefixProvider"\n20:I[402398,["$2"],"$1f"]\n`)).toEqual(new Set(["402398:ErrorTitlePrefixProvider"]));
    expect(scriptsFor([])).toEqual([BASE_SCRIPT]);
    expect(scriptsFor(["44:PrintButton", "45:PrintButton"])).toEqual([BASE_SCRIPT, "/enhance/print.js"]);
    expect(scriptsFor(["44:PrintButton", "7:LessonQuiz"])).toEqual([BASE_SCRIPT, "/enhance/print.js", "/enhance/lesson-quiz.js"]);
    expect(scriptsFor(["44:PrintButton", "7:NoEnhancementLeaf"])).toBeNull();
    // A mobile unit's page: each leaf's own script, once.
    expect(scriptsFor(["3:OpenNow", "5:TourTable", "6:TourTable"])).toEqual([BASE_SCRIPT, "/enhance/open-now.js", "/enhance/tour-table.js"]);
    expect(scriptsFor(["9:default"])).toBeNull();
  });

  it("may serve the public sections lean, and nothing signed-in, staff or the control", () => {
    for (const slug of ["pay-steg-bill", "birth-certificate", "cnam-care-system"]) for (const l of ["ar", "fr", "en"]) expect(isLeanCandidate(`/${l}/services/${slug}`)).toBe(true);
    for (const p of ["/ar", "/fr/", "/ar/services", "/ar/services/all", "/ar/services/x/checklist", "/ar/houses/haidra", "/en/learn/online-safety", "/fr/help", "/ar/life-events/moving-house", "/ar/verify"])
      expect(isLeanCandidate(p), p).toBe(true);
    for (const p of ["/ar/control", "/ar/my", "/ar/staff", "/ar/sign-in", "/ar/kiosk", "/ar/verify/k7q2-9xmd-3hrt-wb4p", "/ar/reports", "/ar/requests/complaint/new", "/de/services/x", "/ar/services/X", "/ar/servicesx"])
      expect(isLeanCandidate(p), p).toBe(false);
  });

  it("leaves the router's own requests to Next", () => {
    const none = new URLSearchParams();
    expect(isRouterRequest(new Headers(), none)).toBe(false);
    expect(isRouterRequest(new Headers({ accept: "text/html" }), none)).toBe(false);
    for (const h of ["x-idarti-router", "RSC", "Next-Router-Prefetch", "Next-Router-State-Tree", "Next-Router-Segment-Prefetch", "Next-Action"]) expect(isRouterRequest(new Headers({ [h]: "1" }), none)).toBe(true);
    expect(isRouterRequest(new Headers(), new URLSearchParams("_rsc=abc"))).toBe(true);
  });

});
