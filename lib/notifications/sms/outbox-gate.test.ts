import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { listSmsOutbox, smsOutboxVisible } from "./index";

/** What a production server must be given (lib/env refuses to start without it). */
const production = {
  AUTH_SECRET: "a-production-secret-a-production-secret",
  DOCUMENT_SIGNING_KEY: "A".repeat(43),
  SEALING_KEY: "B".repeat(43),
  DOCUMENT_PDF_P12: "/etc/idarti/documents.p12",
  D17_API_KEY: "a-d17-api-key-of-16+",
  D17_WEBHOOK_SECRET: "a-d17-webhook-secret",
  BILLER_API_TOKEN: "a-biller-api-token-16",
};

/** /dev/sms shows sign-in codes: it must exist only in demo mode or development. */
describe("the SMS outbox page gate", () => {
  it("is open in demo mode and in development, with the outbox driver", () => {
    expect(smsOutboxVisible(parseEnv({ DEMO_MODE: "true", NODE_ENV: "production" }))).toBe(true);
    expect(smsOutboxVisible(parseEnv({ DEMO_MODE: "true", SMS_DRIVER: "outbox", NODE_ENV: "test" }))).toBe(true);
    // `next dev`: open by default, nothing to set.
    expect(smsOutboxVisible(parseEnv({ NODE_ENV: "development" }))).toBe(true);
    expect(smsOutboxVisible(parseEnv({}))).toBe(true); // NODE_ENV unset means development
  });

  it("is closed in production and tests without demo mode, and with a real gateway", () => {
    expect(smsOutboxVisible(parseEnv({ ...production, NODE_ENV: "production" }))).toBe(false);
    expect(smsOutboxVisible(parseEnv({ ...production, NODE_ENV: "production", DEMO_MODE: "false" }))).toBe(false);
    expect(smsOutboxVisible(parseEnv({ NODE_ENV: "test" }))).toBe(false);
    // A production server: no demo mode, whatever the driver.
    expect(smsOutboxVisible({ DEMO_MODE: false, SMS_DRIVER: "outbox", NODE_ENV: "production" })).toBe(false);
    expect(smsOutboxVisible(parseEnv({ DEMO_MODE: "true", SMS_DRIVER: "http", SMS_HTTP_URL: "https://sms.example.tn/send" }))).toBe(false);
    expect(smsOutboxVisible(parseEnv({ NODE_ENV: "development", SMS_DRIVER: "http", SMS_HTTP_URL: "https://sms.example.tn/send" }))).toBe(false);
  });

  it("refuses to list messages outside demo mode, before touching the database", async () => {
    // The unit-test process (NODE_ENV=test) has no DEMO_MODE: closed, as on a production server.
    expect(smsOutboxVisible()).toBe(false);
    const refused = await listSmsOutbox({}).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe("notFound");
  });
});
