import { describe, expect, it } from "vitest";
import { originAllowed } from "./origin";

const APP = "https://idarti.tn";
const h = (init: Record<string, string>) => new Headers(init);

describe("originAllowed", () => {
  it("lets safe methods through whatever their origin", () => {
    expect(originAllowed("GET", h({ origin: "https://evil.example" }), APP)).toBe(true);
  });

  it("accepts the public origin even when the server binds to another name (behind a proxy)", () => {
    expect(originAllowed("POST", h({ origin: "https://idarti.tn", host: "127.0.0.1:3000" }), APP)).toBe(true);
  });

  it("accepts the host the browser addressed (127.0.0.1 vs localhost), as Next does for actions", () => {
    expect(originAllowed("POST", h({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }), "http://localhost:3000")).toBe(true);
    expect(originAllowed("POST", h({ origin: "https://app.example", host: "10.0.0.5:3000", "x-forwarded-host": "app.example", "x-forwarded-proto": "https" }), APP)).toBe(true);
  });

  it("refuses another site, a missing or opaque origin, and a scheme the proxy did not see", () => {
    expect(originAllowed("POST", h({ origin: "https://evil.example", host: "idarti.tn" }), APP)).toBe(false);
    expect(originAllowed("POST", h({ host: "idarti.tn" }), APP)).toBe(false);
    expect(originAllowed("POST", h({ origin: "null", host: "idarti.tn" }), APP)).toBe(false);
    expect(originAllowed("DELETE", h({ origin: "not a url", host: "idarti.tn" }), APP)).toBe(false);
    expect(originAllowed("POST", h({ origin: "http://app.example", "x-forwarded-host": "app.example", "x-forwarded-proto": "https" }), APP)).toBe(false);
  });

  it("does not take a look-alike host for ours", () => {
    expect(originAllowed("POST", h({ origin: "https://idarti.tn.evil.example", host: "idarti.tn" }), APP)).toBe(false);
    expect(originAllowed("POST", h({ origin: "https://idarti.tn:444", host: "idarti.tn" }), APP)).toBe(false);
  });
});
