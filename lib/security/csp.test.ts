import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { textSizeBootScript } from "./boot-scripts";
import { buildPolicy, inlineScriptHashes, isProbe, pageSecurity, pagesRevalidated, prerenderedFile, PROBE_HEADER } from "./csp";

const hash = (s: string) => `'sha256-${createHash("sha256").update(s).digest("base64")}'`;
const opts = { appUrl: "http://localhost:3000", production: true };

describe("the page policy", () => {
  it("a dynamic page: nonce + strict-dynamic, the boot script's hash, and the fixed directives", () => {
    const p = buildPolicy({ nonce: "abc123==" }, opts);
    expect(p).toContain("script-src 'self' 'nonce-abc123==' 'strict-dynamic' " + hash(textSizeBootScript));
    for (const d of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'", "img-src 'self' blob: data:", "media-src 'self' blob:"]) expect(p).toContain(d);
    expect(p).not.toContain("unsafe-eval");
    expect(p).not.toContain("upgrade-insecure-requests");
  });
  it("a static page: 'self' and the hashes of its inline scripts, no nonce, no strict-dynamic", () => {
    const p = buildPolicy({ hashes: ["'sha256-x'"] }, opts);
    expect(p).toMatch(/script-src 'self'( 'sha256-[^']+')+ 'sha256-x'/);
    expect(p).not.toContain("nonce");
    expect(p).not.toContain("strict-dynamic");
  });
  it("the map tiles' origin is allowed for images when MAP_TILE_URL is set", () => {
    const p = buildPolicy({ nonce: "n" }, { ...opts, mapTileUrl: "https://tiles.example.tn/{z}/{x}/{y}.png" });
    expect(p).toContain("img-src 'self' blob: data: https://tiles.example.tn");
  });
  it("https: upgrade-insecure-requests", () => {
    expect(buildPolicy({ nonce: "n" }, { ...opts, appUrl: "https://idarti.tn" })).toContain("upgrade-insecure-requests");
  });
});

describe("hashes of a prerendered page", () => {
  it("hashes inline executable scripts only", () => {
    const html = `<script src="/_next/a.js" async=""></script><script>a()</script><script id="_R_">b()</script><script type="application/ld+json">{"x":1}</script><script></script>`;
    expect(inlineScriptHashes(html)).toEqual([hash("a()"), hash("b()")]);
  });
  it("maps a URL path to the build's HTML file by its locale", () => {
    expect(prerenderedFile("/ar/services/pay-steg-bill", "/b")).toBe(path.join("/b", "ar-TN/services/pay-steg-bill.html"));
    expect(prerenderedFile("/ar", "/b")).toBe(path.join("/b", "ar-TN.html"));
    expect(prerenderedFile("/fr/", "/b")).toBe(path.join("/b", "fr-TN.html"));
    expect(prerenderedFile("/ar/../../etc/passwd", "/b")).toBeNull();
    expect(prerenderedFile("/", "/b")).toBeNull();
  });
});

describe("pageSecurity", () => {
  const cwd = process.cwd();
  let server: Server;
  const seen: (string | undefined)[] = [];
  // What the stand-in serves next: [version, x-nextjs-cache].
  const served: [string, string][] = [];
  let last: [string, string] = ["served", "HIT"];
  beforeAll(async () => {
    // Stands in for the app: serves a static page as Next would (not the bytes of the file on disk).
    server = createServer((req, res) => {
      seen.push(req.headers[PROBE_HEADER] as string | undefined);
      const [version, cache] = served.shift() ?? last;
      last = [version, cache];
      res.writeHead(200, { "content-type": "text/html", "x-nextjs-cache": cache }).end(`<html><script>self.__next_f.push([1,'${version}'])</script></html>`);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  });
  afterAll(() => {
    server.close();
    process.chdir(cwd);
    vi.unstubAllEnvs();
  });

  it("a prerendered page gets the hashes of its page as served; anything else (or a POST) a fresh nonce handed to the renderer; HSTS only on https", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "idarti-csp-"));
    mkdirSync(path.join(dir, ".next/server/app/ar-TN"), { recursive: true });
    writeFileSync(path.join(dir, ".next/server/app/ar-TN/control.html"), "<html><script>self.__next_f.push([1,'on disk'])</script></html>");
    process.chdir(dir);
    vi.stubEnv("APP_URL", "https://idarti.tn");
    vi.stubEnv("PORT", String((server.address() as AddressInfo).port));
    // env() is read (and kept) for the first time here, with these values.
    const stat = await pageSecurity({ method: "GET", pathname: "/ar/control" });
    expect(stat.requestPolicy).toBeNull();
    expect(stat.headers["Content-Security-Policy"]).toContain(hash("self.__next_f.push([1,'served'])"));
    expect(stat.headers["Content-Security-Policy"]).not.toContain("nonce");
    expect(stat.headers["Strict-Transport-Security"]).toMatch(/^max-age=\d+; includeSubDomains$/);
    // Read once, with the server's secret, and kept.
    await pageSecurity({ method: "GET", pathname: "/ar/control/" });
    expect(seen).toHaveLength(1);
    expect(isProbe(new Headers({ [PROBE_HEADER]: seen[0]! }))).toBe(true);
    expect(isProbe(new Headers({ [PROBE_HEADER]: "guess" }))).toBe(false);


    // Pages revalidated (someone signed in): read again; while Next answers from the stale entry it
    // is read until the fresh page is there; the older version's hash stays allowed.
    served.push(["served", "STALE"], ["served", "STALE"], ["regenerated", "HIT"]);
    pagesRevalidated();
    const after = (await pageSecurity({ method: "GET", pathname: "/ar/control" })).headers["Content-Security-Policy"]!;
    expect(after).toContain(hash("self.__next_f.push([1,'regenerated'])"));
    expect(after).toContain(hash("self.__next_f.push([1,'served'])"));
    expect(seen).toHaveLength(4);

    const dyn = await pageSecurity({ method: "GET", pathname: "/ar/my" });
    expect(dyn.requestPolicy).toBe(dyn.headers["Content-Security-Policy"]);
    expect(dyn.requestPolicy).toMatch(/'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'/);
    const again = await pageSecurity({ method: "GET", pathname: "/ar/my" });
    expect(again.requestPolicy).not.toBe(dyn.requestPolicy);
    expect((await pageSecurity({ method: "POST", pathname: "/ar/control" })).requestPolicy).toContain("'nonce-");
  });
});
