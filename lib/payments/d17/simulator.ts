import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { localDateString } from "@/lib/clock/zone";
import { createRequestBody, type CallbackBody, type PaymentRequest } from "./contract";
import { signCallback } from "./signature";
import { renderPayerApp } from "./simulator-page";

/**
 * A local stand-in for D17 that speaks docs/contracts/d17-request-to-pay.md over HTTP: wallets
 * with balances, a small "D17 app" page where the payer approves or refuses with their code,
 * signed callbacks, and a control API (/_control/*) that tests and demos use to make it fail,
 * hang, go down, or deliver callbacks late, twice, out of order or not at all.
 *
 * It keeps its state in memory: restarting it is a new D17. It imports nothing server-only,
 * because scripts/d17-simulator.ts runs it with plain `node --import tsx`.
 */
export type Wallet = { phone: string; name: string; balance: number; code: string };

export const DEMO_WALLETS: readonly Wallet[] = [
  { phone: "+21698123456", name: "Fatma Ben Ali", balance: 500_000, code: "1234" },
  { phone: "+21655123456", name: "Mohamed Trabelsi", balance: 300_000, code: "4321" },
  { phone: "+21622333444", name: "Sami Jlassi", balance: 5_000, code: "1111" },
];

export type CallbackBehaviour = {
  /** Wait before sending each callback, in milliseconds. */
  delayMs: number;
  /** Probability (0–1) that a callback is sent twice. */
  duplicate: number;
  /** Probability (0–1) that an older event is sent again after the newest one. */
  outOfOrder: number;
  /** Probability (0–1) that a callback is never sent (the status endpoint still tells the truth). */
  drop: number;
  /** Retries of a callback that got no 2xx, 2 s apart. */
  retries: number;
};

export type SimulatorConfig = {
  callbacks: CallbackBehaviour;
  /** The next n creations answer 503 without creating anything. */
  failCreates: number;
  /** The next n creations create the request, then hold the answer back this long (a lost answer). */
  hangCreates: number;
  hangMs: number;
  /** The next n creations create the request, then answer 201 with a body outside the contract. */
  garbleCreates: number;
  /** Every API call has its connection reset, as if D17 were down. /_control and /app still answer. */
  down: boolean;
};

type Stored = PaymentRequest & { payerPhone: string; callbackUrl: string; idempotencyKey: string; events: CallbackBody[] };

export type SimulatorStats = {
  requestsCreated: number;
  idempotentReplays: number;
  debits: number;
  callbacksSent: number;
  callbacksFailed: number;
};

export type D17SimulatorOptions = {
  port: number;
  host?: string;
  apiKey: string;
  merchantId: string;
  webhookSecret: string;
  wallets?: readonly Wallet[];
  config?: Partial<Omit<SimulatorConfig, "callbacks">> & { callbacks?: Partial<CallbackBehaviour> };
  log?: (line: string) => void;
};

const defaultConfig = (): SimulatorConfig => ({
  callbacks: { delayMs: 0, duplicate: 0, outOfOrder: 0, drop: 0, retries: 3 },
  failCreates: 0,
  hangCreates: 0,
  hangMs: 15_000,
  garbleCreates: 0,
  down: false,
});

export type D17Simulator = {
  url: string;
  server: Server;
  config: SimulatorConfig;
  setConfig(patch: D17SimulatorOptions["config"]): void;
  reset(): void;
  stats(): SimulatorStats;
  wallet(phone: string): Wallet | undefined;
  requests(): PaymentRequest[];
  /** What the payer does in the app; returns the request after, or an error code. */
  decide(id: string, opts: { code: string; decision: "approve" | "refuse" }): { ok: true; request: PaymentRequest } | { ok: false; error: "notFound" | "wrongCode" | "notPending" };
  /** Marks a paid request as refunded at D17 without telling the merchant (to test reconciliation). */
  tamper(id: string, patch: Partial<Pick<PaymentRequest, "status" | "amount">>): void;
  close(): Promise<void>;
};

export function tunisDay(iso: string | Date): string {
  return localDateString(new Date(iso));
}

function maskPhone(phone: string): string {
  const m = /^\+216(\d{2})(\d{3})(\d{3})$/.exec(phone);
  return m ? `+216 ${m[1]} *** ${m[3]}` : "***";
}

function newId(prefix: string): string {
  return `${prefix}_${Date.now().toString(36).toUpperCase()}${randomBytes(6).toString("hex").toUpperCase()}`;
}

export async function startD17Simulator(opts: D17SimulatorOptions): Promise<D17Simulator> {
  const seed = opts.wallets ?? DEMO_WALLETS;
  const log = opts.log ?? (() => undefined);
  let wallets = new Map(seed.map((w) => [w.phone, { ...w }]));
  let store = new Map<string, Stored>();
  let byKey = new Map<string, { hash: string; id: string }>();
  let config = mergeConfig(defaultConfig(), opts.config);
  let stats: SimulatorStats = { requestsCreated: 0, idempotentReplays: 0, debits: 0, callbacksSent: 0, callbacksFailed: 0 };
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<Socket>();
  let closing = false;

  function later(ms: number, fn: () => void) {
    const t = setTimeout(() => {
      timers.delete(t);
      if (!closing) fn();
    }, ms);
    timers.add(t);
  }

  function publicView(s: Stored): PaymentRequest {
    const { payerPhone: _p, callbackUrl: _c, idempotencyKey: _k, events: _e, ...view } = s;
    return { ...view };
  }

  /** Lazy expiry: a pending request past its time is expired the moment anyone looks. */
  function refresh(s: Stored): Stored {
    if (s.status === "pending" && Date.now() >= Date.parse(s.expiresAt)) change(s, "expired", "expired");
    return s;
  }

  function change(s: Stored, status: PaymentRequest["status"], reason: PaymentRequest["reason"]) {
    s.status = status;
    s.reason = reason;
    s.updatedAt = new Date().toISOString();
    const event: CallbackBody = {
      eventId: newId("ev"),
      type: "payment_request.updated",
      paymentRequestId: s.id,
      merchantReference: s.merchantReference,
      status,
      occurredAt: s.updatedAt,
    };
    s.events.push(event);
    scheduleCallbacks(s, event);
  }

  function scheduleCallbacks(s: Stored, event: CallbackBody) {
    const cb = config.callbacks;
    if (Math.random() < cb.drop) return log(`callback dropped ${event.eventId}`);
    later(cb.delayMs, () => void deliver(s.callbackUrl, event, cb.retries));
    if (Math.random() < cb.duplicate) later(cb.delayMs + 50, () => void deliver(s.callbackUrl, event, 0));
    if (Math.random() < cb.outOfOrder) {
      // An older state announced after the newest one: a merchant that trusts bodies goes backwards.
      const stale: CallbackBody = { ...event, eventId: newId("ev"), status: "pending", occurredAt: s.createdAt };
      later(cb.delayMs + 100, () => void deliver(s.callbackUrl, stale, 0));
    }
  }

  async function deliver(url: string, event: CallbackBody, retriesLeft: number): Promise<void> {
    const raw = JSON.stringify(event);
    const ts = Math.floor(Date.now() / 1000);
    try {
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "d17-timestamp": String(ts), "d17-signature": signCallback(opts.webhookSecret, ts, raw), "d17-event-id": event.eventId },
        body: raw,
        signal: AbortSignal.timeout(10_000),
      });
      await res.arrayBuffer().catch(() => undefined);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      stats.callbacksSent++;
    } catch (error) {
      stats.callbacksFailed++;
      log(`callback to ${url} failed: ${(error as Error).message}`);
      if (retriesLeft > 0) later(2000, () => void deliver(url, event, retriesLeft - 1));
    }
  }

  function decide(id: string, d: { code: string; decision: "approve" | "refuse" }) {
    const s = store.get(id);
    if (!s) return { ok: false as const, error: "notFound" as const };
    refresh(s);
    const wallet = wallets.get(s.payerPhone);
    if (!wallet || wallet.code !== d.code) return { ok: false as const, error: "wrongCode" as const };
    if (s.status !== "pending") return { ok: false as const, error: "notPending" as const };
    if (d.decision === "refuse") change(s, "declined", "refused_by_payer");
    else if (wallet.balance < s.amount) change(s, "declined", "insufficient_funds");
    else {
      wallet.balance -= s.amount;
      stats.debits++;
      s.paidAt = new Date().toISOString();
      s.transactionId = newId("tx");
      change(s, "paid", null);
    }
    return { ok: true as const, request: publicView(s) };
  }

  // ---- HTTP ----------------------------------------------------------------------------------

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      log(`error: ${(error as Error).stack ?? String(error)}`);
      if (!res.headersSent) send(res, 500, { error: { code: "internal" } });
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://simulator");
    const path = url.pathname;

    if (path.startsWith("/_control/")) return control(req, res, path);
    if (path === "/app" || path.startsWith("/app/")) return payerApp(req, res, url);
    if (path === "/health") return send(res, 200, { ok: true });

    if (config.down) {
      req.socket.destroy();
      return;
    }
    if (req.headers.authorization !== `Bearer ${opts.apiKey}` || req.headers["d17-merchant"] !== opts.merchantId) {
      return send(res, 401, { error: { code: "unauthorized" } });
    }

    if (path === "/v1/payment-requests" && req.method === "POST") return create(req, res);
    if (path === "/v1/payment-requests" && req.method === "GET") return list(res, url);
    const m = /^\/v1\/payment-requests\/([^/]+)(\/cancel|\/refund)?$/.exec(path);
    if (m) {
      const s = store.get(decodeURIComponent(m[1]!));
      if (!s) return send(res, 404, { error: { code: "not_found" } });
      refresh(s);
      if (!m[2] && req.method === "GET") return send(res, 200, publicView(s));
      if (m[2] === "/cancel" && req.method === "POST") {
        if (s.status === "pending") change(s, "expired", "cancelled_by_merchant");
        return send(res, 200, publicView(s));
      }
      if (m[2] === "/refund" && req.method === "POST") {
        if (s.status === "refunded") return send(res, 200, publicView(s));
        if (s.status !== "paid") return send(res, 409, { error: { code: "not_paid" } });
        const w = wallets.get(s.payerPhone);
        if (w) w.balance += s.amount;
        change(s, "refunded", null);
        return send(res, 200, publicView(s));
      }
    }
    return send(res, 404, { error: { code: "not_found" } });
  }

  async function create(req: IncomingMessage, res: ServerResponse) {
    const key = req.headers["idempotency-key"];
    if (typeof key !== "string" || key.length < 8 || key.length > 100) return send(res, 422, { error: { code: "invalid_request", field: "Idempotency-Key" } });
    const raw = await readBody(req);
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return send(res, 422, { error: { code: "invalid_request", message: "not JSON" } });
    }
    const parsed = createRequestBody.safeParse(json);
    if (!parsed.success) return send(res, 422, { error: { code: "invalid_request", field: parsed.error.issues[0]?.path.join(".") } });
    const hash = createHash("sha256").update(JSON.stringify(parsed.data)).digest("hex");
    const seen = byKey.get(key);
    if (seen) {
      if (seen.hash !== hash) return send(res, 409, { error: { code: "idempotency_conflict" } });
      stats.idempotentReplays++;
      return send(res, 200, publicView(refresh(store.get(seen.id)!)));
    }
    if (config.failCreates > 0) {
      config.failCreates--;
      return send(res, 503, { error: { code: "unavailable" } });
    }
    const body = parsed.data;
    if (!wallets.has(body.payerPhone)) return send(res, 404, { error: { code: "payer_not_found" } });
    const at = new Date();
    const s: Stored = {
      id: newId("pr"),
      merchantReference: body.merchantReference,
      amount: body.amount,
      currency: "TND",
      description: body.description,
      status: "pending",
      reason: null,
      payerPhoneMasked: maskPhone(body.payerPhone),
      createdAt: at.toISOString(),
      expiresAt: new Date(at.getTime() + body.expiresInSeconds * 1000).toISOString(),
      updatedAt: at.toISOString(),
      paidAt: null,
      transactionId: null,
      payerPhone: body.payerPhone,
      callbackUrl: body.callbackUrl,
      idempotencyKey: key,
      events: [],
    };
    store.set(s.id, s);
    byKey.set(key, { hash, id: s.id });
    stats.requestsCreated++;
    log(`request ${s.id} ${s.merchantReference} ${s.amount} millimes from ${s.payerPhoneMasked}`);
    if (config.hangCreates > 0) {
      config.hangCreates--;
      await new Promise<void>((resolve) => later(config.hangMs, resolve));
      if (closing) return;
    }
    if (config.garbleCreates > 0) {
      config.garbleCreates--;
      return send(res, 201, { id: s.id, status: "PENDING" });
    }
    return send(res, 201, publicView(s));
  }

  function list(res: ServerResponse, url: URL) {
    const ref = url.searchParams.get("merchantReference");
    const day = url.searchParams.get("date");
    if (!ref && !(day && /^\d{4}-\d{2}-\d{2}$/.test(day))) return send(res, 422, { error: { code: "invalid_request", field: "date" } });
    const limit = Math.min(1000, Math.max(1, Number(url.searchParams.get("limit") ?? 500) || 500));
    const offset = Math.max(0, Number(url.searchParams.get("cursor") ?? 0) || 0);
    const all = [...store.values()]
      .map(refresh)
      .filter((s) => (ref ? s.merchantReference === ref : tunisDay(s.createdAt) === day))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const page = all.slice(offset, offset + limit);
    return send(res, 200, { items: page.map(publicView), nextCursor: offset + limit < all.length ? String(offset + limit) : null });
  }

  async function control(req: IncomingMessage, res: ServerResponse, path: string) {
    if (path === "/_control/stats") return send(res, 200, stats);
    if (req.method !== "POST") return send(res, 405, { error: { code: "method" } });
    const body = (await readBody(req).then((r) => (r ? JSON.parse(r) : {})).catch(() => ({}))) as Record<string, unknown>;
    if (path === "/_control/reset") {
      handle_.reset();
      return send(res, 200, { ok: true });
    }
    if (path === "/_control/config") {
      handle_.setConfig(body as D17SimulatorOptions["config"]);
      return send(res, 200, config);
    }
    if (path === "/_control/wallets") {
      const w = body as Partial<Wallet>;
      if (typeof w.phone !== "string" || !Number.isSafeInteger(w.balance) || typeof w.code !== "string") return send(res, 422, { error: { code: "invalid_request" } });
      wallets.set(w.phone, { phone: w.phone, name: String(w.name ?? ""), balance: w.balance!, code: w.code });
      return send(res, 200, { ok: true });
    }
    const m = /^\/_control\/requests\/([^/]+)\/(approve|refuse)$/.exec(path);
    if (m) {
      const r = decide(decodeURIComponent(m[1]!), { code: String(body.code ?? ""), decision: m[2] === "approve" ? "approve" : "refuse" });
      return send(res, r.ok ? 200 : 409, r);
    }
    return send(res, 404, { error: { code: "not_found" } });
  }

  async function payerApp(req: IncomingMessage, res: ServerResponse, url: URL) {
    if (req.method === "POST") {
      const form = new URLSearchParams(await readBody(req));
      const phone = normalizePhone(form.get("phone") ?? "");
      const id = url.pathname.replace(/^\/app\/requests\//, "");
      const decision = form.get("decision") === "refuse" ? "refuse" : "approve";
      const r = decide(decodeURIComponent(id), { code: (form.get("code") ?? "").trim(), decision });
      const outcome = r.ok ? r.request.status : r.error;
      res.writeHead(303, { location: `/app?phone=${encodeURIComponent(phone)}&outcome=${outcome}` });
      return res.end();
    }
    const phone = normalizePhone(url.searchParams.get("phone") ?? "");
    const wallet = phone ? wallets.get(phone) : undefined;
    const pending = wallet ? [...store.values()].map(refresh).filter((s) => s.payerPhone === phone && s.status === "pending") : [];
    const html = renderPayerApp({ phone, wallet, pending: pending.map(publicView), outcome: url.searchParams.get("outcome") });
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    res.end(html);
  }

  const handle_: D17Simulator = {
    url: "",
    server,
    get config() {
      return config;
    },
    setConfig(patch) {
      config = mergeConfig(config, patch);
    },
    reset() {
      wallets = new Map(seed.map((w) => [w.phone, { ...w }]));
      store = new Map();
      byKey = new Map();
      config = mergeConfig(defaultConfig(), opts.config);
      stats = { requestsCreated: 0, idempotentReplays: 0, debits: 0, callbacksSent: 0, callbacksFailed: 0 };
    },
    stats: () => ({ ...stats }),
    wallet: (phone) => wallets.get(phone),
    requests: () => [...store.values()].map(refresh).map(publicView),
    decide,
    tamper(id, patch) {
      const s = store.get(id);
      if (s) Object.assign(s, patch);
    },
    async close() {
      closing = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
    },
  };

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  handle_.url = `http://${opts.host ?? "127.0.0.1"}:${address.port}`;
  return handle_;
}

function mergeConfig(base: SimulatorConfig, patch: D17SimulatorOptions["config"]): SimulatorConfig {
  if (!patch) return { ...base, callbacks: { ...base.callbacks } };
  const { callbacks, ...rest } = patch;
  return { ...base, ...rest, callbacks: { ...base.callbacks, ...(callbacks ?? {}) } };
}

/** "98 123 456", "+216 98123456" or "0021698123456" → "+21698123456"; anything else as typed. */
function normalizePhone(input: string): string {
  const digits = input.replace(/[\s.-]/g, "");
  const m = /^(?:\+216|00216)?(\d{8})$/.exec(digits);
  return m ? `+216${m[1]}` : digits;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > 64 * 1024) {
        reject(new Error("body too large"));
        req.destroy();
      } else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}
