import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("env validation", () => {
  it("has working defaults for development", () => {
    const env = parseEnv({});
    expect(env.PGLITE_DIR).toBe("./data/pglite");
    expect(env.SMS_DRIVER).toBe("outbox");
    expect(env.DEMO_MODE).toBe(false);
    expect(env.DATABASE_URL).toBeUndefined();
  });
  it("reads booleans and URLs", () => {
    const env = parseEnv({ DEMO_MODE: "true", TEST_CLOCK: "1", DATABASE_URL: "postgres://u:p@127.0.0.1:5432/idarti" });
    expect(env.DEMO_MODE).toBe(true);
    expect(env.TEST_CLOCK).toBe(true);
    expect(env.DATABASE_URL).toBe("postgres://u:p@127.0.0.1:5432/idarti");
  });
  it("names every wrong setting", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x", DEMO_MODE: "yes" })).toThrow(/DATABASE_URL[\s\S]*DEMO_MODE|DEMO_MODE[\s\S]*DATABASE_URL/);
  });
  it("requires a secret in production unless in demo mode", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/AUTH_SECRET/);
    expect(() => parseEnv({ NODE_ENV: "production", AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET/);
    expect(parseEnv({ NODE_ENV: "production", DEMO_MODE: "true" }).DEMO_MODE).toBe(true);
  });
  it("requires a gateway URL for the http SMS driver", () => {
    expect(() => parseEnv({ SMS_DRIVER: "http" })).toThrow(/SMS_HTTP_URL/);
  });
});

describe("payments settings", () => {
  it("point at the local simulators by default", () => {
    const env = parseEnv({});
    expect(env.D17_API_URL).toBe("http://127.0.0.1:3301");
    expect(env.BILLER_API_URL).toBe("http://127.0.0.1:3302");
    expect(env.PAYMENT_EXPIRY_SECONDS).toBe(600);
    expect(env.PAYMENT_FEE_MILLIMES).toBe(0);
  });
  it("require real secrets in production outside demo mode", () => {
    const base = { NODE_ENV: "production", AUTH_SECRET: "x".repeat(40) };
    expect(() => parseEnv(base)).toThrow(/D17_API_KEY[\s\S]*D17_WEBHOOK_SECRET|D17_WEBHOOK_SECRET[\s\S]*D17_API_KEY/);
    expect(() => parseEnv(base)).toThrow(/DOCUMENT_SIGNING_KEY/);
    expect(() => parseEnv(base)).toThrow(/SEALING_KEY/);
    expect(() => parseEnv(base)).toThrow(/DOCUMENT_PDF_P12/);
    const full = parseEnv({
      ...base,
      DOCUMENT_SIGNING_KEY: "A".repeat(43),
      SEALING_KEY: "B".repeat(43),
      DOCUMENT_PDF_P12: "/etc/idarti/documents.p12",
      D17_API_KEY: "k".repeat(20),
      D17_WEBHOOK_SECRET: "s".repeat(20),
      BILLER_API_TOKEN: "t".repeat(20),
    });
    expect(full.D17_API_KEY).toBe("k".repeat(20));
  });
  it("refuses a fee that is not whole millimes", () => {
    expect(() => parseEnv({ PAYMENT_FEE_MILLIMES: "0.5" })).toThrow(/PAYMENT_FEE_MILLIMES/);
  });
});
