import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isRouterPrefetch, refusePrefetchOnSaveData, savesData } from "./save-data";
import { installSaveData } from "./save-data-server";

describe("Save-Data", () => {
  it("reads the header as browsers send it", () => {
    expect(savesData(new Headers({ "Save-Data": "on" }))).toBe(true);
    expect(savesData(new Headers({ "Save-Data": " ON " }))).toBe(true);
    expect(savesData(new Headers({ "Save-Data": "off" }))).toBe(false);
    expect(savesData(new Headers())).toBe(false);
  });

  it("knows a router prefetch from a navigation", () => {
    expect(isRouterPrefetch(new Headers({ RSC: "1", "Next-Router-Prefetch": "1" }))).toBe(true);
    expect(isRouterPrefetch(new Headers({ RSC: "1", "Next-Router-Segment-Prefetch": "/_tree" }))).toBe(true);
    expect(isRouterPrefetch(new Headers({ RSC: "1" }))).toBe(false);
    expect(isRouterPrefetch(new Headers())).toBe(false);
  });

  it("answers a prefetch with an empty 204 only in data-saver mode", async () => {
    const refused = refusePrefetchOnSaveData(new Headers({ "Save-Data": "on", RSC: "1", "Next-Router-Prefetch": "1" }));
    expect(refused?.status).toBe(204);
    expect(await refused?.text()).toBe("");
    expect(refused?.headers.get("vary")).toContain("Save-Data");
    expect(refusePrefetchOnSaveData(new Headers({ RSC: "1", "Next-Router-Prefetch": "1" }))).toBeNull();
    // A click on a link (RSC navigation) in data-saver mode is asked for: served as usual.
    expect(refusePrefetchOnSaveData(new Headers({ "Save-Data": "on", RSC: "1" }))).toBeNull();
  });
});

describe("an HTTP server with Save-Data honoured in front of it", () => {
  let server: http.Server;
  let base: string;
  const served: string[] = [];
  beforeAll(async () => {
    installSaveData();
    installSaveData(); // once per process, however often it is called
    server = http.createServer((req, res) => {
      served.push(req.url ?? "");
      res.end("payload");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("answers a prefetch in data-saver mode without reaching the app, and serves the rest", async () => {
    const refused = await fetch(`${base}/ar/houses?_rsc=1`, { headers: { "Save-Data": "on", RSC: "1", "Next-Router-Prefetch": "1" } });
    expect(refused.status).toBe(204);
    expect(await refused.text()).toBe("");
    expect(served).toEqual([]);
    const click = await fetch(`${base}/ar/houses?_rsc=2`, { headers: { "Save-Data": "on", RSC: "1" } });
    expect(await click.text()).toBe("payload");
    const prefetch = await fetch(`${base}/ar/houses?_rsc=3`, { headers: { RSC: "1", "Next-Router-Prefetch": "1" } });
    expect(await prefetch.text()).toBe("payload");
    expect(served).toEqual(["/ar/houses?_rsc=2", "/ar/houses?_rsc=3"]);
  });
});
