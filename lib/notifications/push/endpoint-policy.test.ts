import { createServer, type Server } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import webpush from "web-push";
import { checkPushEndpoint, DEFAULT_PUSH_SERVICE_HOSTS, guardedLookup, hostAllowed, isPublicAddress, type PushEndpointPolicy } from "./endpoint-policy";

const policy = (answers: Record<string, string[]> = {}): PushEndpointPolicy => ({
  hosts: DEFAULT_PUSH_SERVICE_HOSTS,
  resolve: async (host) => {
    const a = answers[host];
    if (!a) throw new Error("ENOTFOUND");
    return a;
  },
});

describe("push endpoints: only real push services", () => {
  const publicAnswers = { "fcm.googleapis.com": ["142.250.74.10", "2a00:1450:4006:80b::200a"], "wns2-par02p.notify.windows.com": ["20.199.120.182"], "web.push.apple.com": ["17.188.128.12"] };

  it("accepts the push services' endpoints", async () => {
    for (const e of ["https://fcm.googleapis.com/fcm/send/abc:def", "https://wns2-par02p.notify.windows.com/w/?token=x", "https://web.push.apple.com/QGx"]) {
      expect(await checkPushEndpoint(e, policy(publicAnswers))).toEqual({ ok: true });
    }
  });

  it.each([
    ["https://127.0.0.1:4443/push", "ipLiteral"],
    ["https://[::1]/push", "ipLiteral"],
    ["https://169.254.169.254/latest/meta-data", "ipLiteral"],
    ["https://2130706433/push", "ipLiteral"], // 127.0.0.1 written as a number: URL normalises it to an IP
    ["http://fcm.googleapis.com/fcm/send/x", "notHttps"],
    ["https://user:pw@fcm.googleapis.com/x", "notHttps"],
    ["https://fcm.googleapis.com:8443/x", "port"],
    ["https://attacker.example/push", "notAPushService"],
    ["https://fcm.googleapis.com.attacker.example/x", "notAPushService"],
    ["https://notify.windows.com.evil.tn/x", "notAPushService"],
  ])("refuses %s (%s)", async (endpoint, reason) => {
    expect(await checkPushEndpoint(endpoint, policy(publicAnswers))).toEqual({ ok: false, reason });
  });

  it("refuses an allowed name that resolves to a private, loopback or link-local address", async () => {
    for (const bad of ["127.0.0.1", "10.1.2.3", "192.168.1.1", "172.20.0.5", "169.254.169.254", "::1", "fe80::1", "fd00::5", "::ffff:127.0.0.1", "100.64.0.1"]) {
      expect(await checkPushEndpoint("https://fcm.googleapis.com/fcm/send/x", policy({ "fcm.googleapis.com": ["142.250.74.10", bad] }))).toEqual({ ok: false, reason: "privateAddress" });
    }
  });

  it("a name that does not resolve (or too slowly) is refused", async () => {
    expect(await checkPushEndpoint("https://web.push.apple.com/x", policy({}))).toEqual({ ok: false, reason: "unresolvable" });
  });

  it("host patterns: exact, or *.suffix for names under it only", () => {
    expect(hostAllowed("wns2-par02p.notify.windows.com", ["*.notify.windows.com"])).toBe(true);
    expect(hostAllowed("notify.windows.com", ["*.notify.windows.com"])).toBe(false);
    expect(hostAllowed("FCM.googleapis.com.", ["fcm.googleapis.com"])).toBe(true);
    expect(isPublicAddress("8.8.8.8")).toBe(true);
    expect(isPublicAddress("0.0.0.0")).toBe(false);
  });

  it("the connection's own lookup refuses a name that now answers a loopback address (DNS rebinding)", async () => {
    const lookup = guardedLookup({ hosts: ["localhost"] });
    const error = await new Promise<NodeJS.ErrnoException | null>((resolve) => lookup("localhost", {}, (e) => resolve(e)));
    expect(error?.code).toBe("EPUSHADDRESS");
  });
});

describe("the sender never connects to a refused endpoint", () => {
  let server: Server;
  let port: number;
  let connections = 0;
  beforeAll(async () => {
    server = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => server.close());

  it("a subscription to https://127.0.0.1:<port>/ (the report's case) is not called", async () => {
    const { webPushSender } = await import("./web-push");
    const vapid = webpush.generateVAPIDKeys();
    const send = webPushSender({ publicKey: vapid.publicKey, privateKey: vapid.privateKey, subject: "mailto:test@idarti.tn", policy: { hosts: DEFAULT_PUSH_SERVICE_HOSTS } });
    const keys = { p256dh: "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM", auth: "tBHItJI5svbpez7KI4CCXg" };
    for (const endpoint of [`https://127.0.0.1:${port}/push`, `https://localhost:${port}/push`]) {
      const r = await send({ endpoint, keys }, "{}");
      expect(r).toMatchObject({ ok: false, gone: true });
    }
    expect(connections).toBe(0);
  });
});
