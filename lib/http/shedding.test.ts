import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installShedding } from "./shed-server";
import { Gate, weigh } from "./shedding";

const session = { cookie: "theme=x; __Host-idarti.session=abc" };

describe("what is bounded", () => {
  it("writes and signed-in renders are; static files, anonymous pages, callbacks and the event stream are not", () => {
    expect(weigh({ method: "POST", url: "/fr/requests/complaint/new", headers: {} })).toBe("bounded");
    expect(weigh({ method: "POST", url: "/api/v1/submissions", headers: session })).toBe("bounded");
    expect(weigh({ method: "GET", url: "/en/my", headers: session })).toBe("bounded");
    expect(weigh({ method: "GET", url: "/en/my", headers: { ...session, "next-router-prefetch": "1" } })).toBe("prefetch");
    expect(weigh({ method: "GET", url: "/en/my", headers: { cookie: "theme=x" } })).toBe("free");
    expect(weigh({ method: "GET", url: "/ar", headers: {} })).toBe("free");
    expect(weigh({ method: "GET", url: "/_next/static/chunks/a.js", headers: session })).toBe("free");
    expect(weigh({ method: "GET", url: "/sw.js", headers: session })).toBe("free");
    expect(weigh({ method: "POST", url: "/api/payments/d17/callback", headers: {} })).toBe("free");
    expect(weigh({ method: "GET", url: "/api/interviews/5f0c/events?peer=x", headers: session })).toBe("free");
    expect(weigh({ method: "GET", url: "/api/permits/commissions/5f0c/events?peer=x", headers: session })).toBe("free");
  });

  it("the gate holds its bound, prefetches at half of it, and frees a place per answer", () => {
    const gate = new Gate(4);
    expect([1, 2].map(() => gate.tryEnter("prefetch"))).toEqual([true, true]);
    expect(gate.tryEnter("prefetch")).toBe(false);
    expect([1, 2].map(() => gate.tryEnter("bounded"))).toEqual([true, true]);
    expect(gate.tryEnter("bounded")).toBe(false);
    gate.leave();
    expect(gate.tryEnter("bounded")).toBe(true);
    expect(gate.current).toBe(4);
  });
});

describe("an HTTP server behind the gate, overloaded", () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    installShedding({ limit: 3, retryAfterSeconds: 7 });
    // Slow renders for signed-in pages, instant answers for the rest.
    server = http.createServer((req, res) => {
      const slow = req.url?.startsWith("/en/my");
      setTimeout(() => res.end("ok"), slow ? 300 : 0);
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("answers what is beyond the bound at once with 503 and Retry-After, and keeps serving the home page", async () => {
    const burst = Array.from({ length: 10 }, () => fetch(`${base}/en/my`, { headers: { ...session, accept: "text/html" } }));
    await new Promise((r) => setTimeout(r, 50));
    const home = await fetch(`${base}/ar`);
    expect(home.status).toBe(200);
    const answers = await Promise.all(burst);
    const shed = answers.filter((a) => a.status === 503);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(3);
    expect(shed).toHaveLength(7);
    expect(shed.every((a) => a.headers.get("retry-after") === "7")).toBe(true);
    expect(await shed[0]!.text()).toContain('lang="en"');
    // Once the bound frees, the same request is served again.
    expect((await fetch(`${base}/en/my`, { headers: session })).status).toBe(200);
  });

  it("a post the outbox sends gets JSON it reads as 'retry later'", async () => {
    const slow = Array.from({ length: 3 }, () => fetch(`${base}/en/my`, { headers: session }));
    await new Promise((r) => setTimeout(r, 50));
    const post = await fetch(`${base}/api/v1/submissions`, { method: "POST", body: "{}", headers: { ...session, "content-type": "application/json" } });
    expect(post.status).toBe(503);
    expect(await post.json()).toEqual({ error: { code: "unavailable", retryAfterSeconds: 7 } });
    await Promise.all(slow);
  });
});
