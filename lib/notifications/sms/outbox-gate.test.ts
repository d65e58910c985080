import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { listSmsOutbox, smsOutboxVisible } from "./index";

/** /dev/sms shows sign-in codes: it must not exist outside demonstration mode. */
describe("the SMS outbox page gate", () => {
  it("is open only in demo mode with the outbox driver", () => {
    expect(smsOutboxVisible(parseEnv({ DEMO_MODE: "true" }))).toBe(true);
    expect(smsOutboxVisible(parseEnv({ DEMO_MODE: "true", SMS_DRIVER: "outbox" }))).toBe(true);
  });

  it("is closed by default, in production and with a real gateway", () => {
    expect(smsOutboxVisible(parseEnv({}))).toBe(false);
    expect(smsOutboxVisible(parseEnv({ DEMO_MODE: "false" }))).toBe(false);
    // A production server: no demo mode, whatever the driver.
    expect(smsOutboxVisible({ DEMO_MODE: false, SMS_DRIVER: "outbox" })).toBe(false);
    expect(smsOutboxVisible(parseEnv({ DEMO_MODE: "true", SMS_DRIVER: "http", SMS_HTTP_URL: "https://sms.example.tn/send" }))).toBe(false);
  });

  it("refuses to list messages outside demo mode, before touching the database", async () => {
    // The unit-test process has no DEMO_MODE: the same settings as a production server.
    expect(smsOutboxVisible()).toBe(false);
    const refused = await listSmsOutbox({}).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe("notFound");
  });
});
