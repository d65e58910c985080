import { describe, expect, it } from "vitest";
import { isRouterPrefetch, refusePrefetchOnSaveData, savesData } from "./save-data";

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
