import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { localDateString, shiftDay } from "@/lib/clock/zone";
import { paymentNoticeBody, type BillBody } from "./contract";

/**
 * A local stand-in for the billers' APIs (STEG, SONEDE, Tunisie Telecom) speaking
 * docs/contracts/billers.md, with realistic demo bills: unpaid, overdue, and paid meanwhile
 * elsewhere (at a post office). State is in memory; /_control/* lets tests add bills, mark one
 * paid elsewhere, or take the billers down. Nothing server-only: plain `node --import tsx` runs it.
 */
type StoredBill = Omit<BillBody, "status" | "currency"> & { key: string | null; paidBy: string | null };

export type SeedBill = {
  biller: "steg" | "sonede" | "tt";
  reference: string;
  contract: string;
  key: string | null;
  customerName: string;
  /** Days from today (Africa/Tunis): negative is in the past. */
  periodStartDays: number;
  periodEndDays: number;
  dueDays: number;
  amount: number;
  paidElsewhere?: boolean;
};

/** The demo bills (README, "Demo data"). */
export const DEMO_BILLS: readonly SeedBill[] = [
  // Fatma Ben Ali — the house in Kasserine: STEG + SONEDE, and a Tunisie Telecom line.
  { biller: "steg", reference: "4011223301", contract: "40112233", key: "17", customerName: "فاطمة بن علي", periodStartDays: -75, periodEndDays: -15, dueDays: 12, amount: 87_450 },
  { biller: "steg", reference: "4011223300", contract: "40112233", key: "17", customerName: "فاطمة بن علي", periodStartDays: -135, periodEndDays: -75, dueDays: -20, amount: 64_200 },
  { biller: "steg", reference: "4011223299", contract: "40112233", key: "17", customerName: "فاطمة بن علي", periodStartDays: -195, periodEndDays: -135, dueDays: -80, amount: 71_900, paidElsewhere: true },
  { biller: "sonede", reference: "120345601", contract: "1203456", key: "08", customerName: "فاطمة بن علي", periodStartDays: -100, periodEndDays: -10, dueDays: 15, amount: 23_780 },
  { biller: "sonede", reference: "120345600", contract: "1203456", key: "08", customerName: "فاطمة بن علي", periodStartDays: -190, periodEndDays: -100, dueDays: -35, amount: 31_200 },
  { biller: "tt", reference: "7712345601", contract: "77123456", key: null, customerName: "فاطمة بن علي", periodStartDays: -40, periodEndDays: -10, dueDays: 8, amount: 45_900 },
  { biller: "tt", reference: "7712345600", contract: "77123456", key: null, customerName: "فاطمة بن علي", periodStartDays: -70, periodEndDays: -40, dueDays: -22, amount: 42_300, paidElsewhere: true },
  // Mohamed Trabelsi — a flat in Tunis.
  { biller: "steg", reference: "4022334401", contract: "40223344", key: "52", customerName: "Mohamed Trabelsi", periodStartDays: -70, periodEndDays: -10, dueDays: 5, amount: 112_300 },
  { biller: "steg", reference: "4022334400", contract: "40223344", key: "52", customerName: "Mohamed Trabelsi", periodStartDays: -130, periodEndDays: -70, dueDays: -25, amount: 98_650, paidElsewhere: true },
  { biller: "sonede", reference: "120987601", contract: "1209876", key: "33", customerName: "Mohamed Trabelsi", periodStartDays: -95, periodEndDays: -5, dueDays: 20, amount: 18_950 },
  { biller: "tt", reference: "7123456701", contract: "71234567", key: null, customerName: "Mohamed Trabelsi", periodStartDays: -60, periodEndDays: -30, dueDays: -3, amount: 39_000 },
];

export function tunisToday(now = new Date()): string {
  return localDateString(now);
}

const addDays = shiftDay;

export type BillerSimulator = {
  url: string;
  addBill(bill: SeedBill): void;
  payElsewhere(biller: string, reference: string): boolean;
  notices(): { biller: string; reference: string; paymentReference: string; amount: number }[];
  setDown(down: boolean): void;
  reset(): void;
  close(): Promise<void>;
};

export async function startBillerSimulator(opts: { port: number; host?: string; token: string; bills?: readonly SeedBill[]; log?: (l: string) => void }): Promise<BillerSimulator> {
  const seed = opts.bills ?? DEMO_BILLS;
  let bills = new Map<string, StoredBill>();
  let notices: { biller: string; reference: string; paymentReference: string; amount: number }[] = [];
  let down = false;
  const sockets = new Set<Socket>();

  const keyOf = (biller: string, reference: string) => `${biller}:${reference}`;
  function add(b: SeedBill) {
    const today = tunisToday();
    bills.set(keyOf(b.biller, b.reference), {
      biller: b.biller,
      reference: b.reference,
      contract: b.contract,
      key: b.key,
      customerName: b.customerName,
      periodStart: addDays(today, b.periodStartDays),
      periodEnd: addDays(today, b.periodEndDays),
      dueDate: addDays(today, b.dueDays),
      amount: b.amount,
      paidBy: b.paidElsewhere ? "post-office" : null,
    });
  }
  function reset() {
    bills = new Map();
    notices = [];
    down = false;
    seed.forEach(add);
  }
  reset();

  function view(b: StoredBill): BillBody {
    const status = b.paidBy ? "paid" : b.dueDate < tunisToday() ? "overdue" : "unpaid";
    return {
      biller: b.biller,
      reference: b.reference,
      contract: b.contract,
      customerName: b.customerName,
      periodStart: b.periodStart,
      periodEnd: b.periodEnd,
      amount: b.amount,
      currency: "TND",
      dueDate: b.dueDate,
      status,
    };
  }

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, { error: { code: "internal" } });
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://billers");
    const path = url.pathname;
    if (path.startsWith("/_control/")) return control(req, res, path);
    if (path === "/health") return send(res, 200, { ok: true });
    if (down) return void req.socket.destroy();
    if (req.headers.authorization !== `Bearer ${opts.token}`) return send(res, 401, { error: { code: "unauthorized" } });

    const m = /^\/v1\/billers\/(steg|sonede|tt)\/(bills|contracts)\/([^/]+)(\/payments|\/bills)?$/.exec(path);
    if (!m) return send(res, 404, { error: { code: "not_found" } });
    const [, biller, kind, rawRef, tail] = m as unknown as [string, string, string, string, string | undefined];
    const ref = decodeURIComponent(rawRef);
    const key = url.searchParams.get("key");

    if (kind === "bills" && !tail && req.method === "GET") {
      const b = bills.get(keyOf(biller, ref));
      // A wrong key answers exactly like an unknown reference: nothing to learn by guessing.
      if (!b || (b.key && b.key !== key)) return send(res, 404, { error: { code: "not_found" } });
      return send(res, 200, view(b));
    }
    if (kind === "contracts" && tail === "/bills" && req.method === "GET") {
      const of = [...bills.values()].filter((b) => b.biller === biller && b.contract === ref);
      if (of.length === 0 || (of[0]!.key && of[0]!.key !== key)) return send(res, 404, { error: { code: "not_found" } });
      return send(res, 200, { contract: ref, bills: of.map(view).sort((a, b) => b.dueDate.localeCompare(a.dueDate)) });
    }
    if (kind === "bills" && tail === "/payments" && req.method === "POST") {
      const b = bills.get(keyOf(biller, ref));
      if (!b) return send(res, 404, { error: { code: "not_found" } });
      const parsed = paymentNoticeBody.safeParse(await readJson(req));
      if (!parsed.success) return send(res, 422, { error: { code: "invalid_request" } });
      if (b.paidBy === parsed.data.paymentReference) return send(res, 200, { status: "accepted", paymentReference: b.paidBy });
      if (b.paidBy) return send(res, 409, { error: { code: "already_paid" } });
      if (parsed.data.amount !== b.amount) return send(res, 422, { error: { code: "amount_mismatch" } });
      b.paidBy = parsed.data.paymentReference;
      notices.push({ biller, reference: ref, paymentReference: parsed.data.paymentReference, amount: parsed.data.amount });
      opts.log?.(`${biller} bill ${ref} paid by ${parsed.data.paymentReference}`);
      return send(res, 201, { status: "accepted", paymentReference: b.paidBy });
    }
    return send(res, 404, { error: { code: "not_found" } });
  }

  async function control(req: IncomingMessage, res: ServerResponse, path: string) {
    if (path === "/_control/notices") return send(res, 200, { notices });
    if (req.method !== "POST") return send(res, 405, {});
    const body = ((await readJson(req)) ?? {}) as Record<string, unknown>;
    if (path === "/_control/reset") {
      reset();
      return send(res, 200, { ok: true });
    }
    if (path === "/_control/down") {
      down = body.down !== false;
      return send(res, 200, { down });
    }
    if (path === "/_control/bills") {
      const b = body as Partial<SeedBill>;
      if (!b.biller || !["steg", "sonede", "tt"].includes(b.biller) || typeof b.reference !== "string" || typeof b.contract !== "string" || !Number.isSafeInteger(b.amount)) {
        return send(res, 422, { error: { code: "invalid_request" } });
      }
      add({ periodStartDays: -70, periodEndDays: -10, dueDays: 10, customerName: "Client", key: null, ...b } as SeedBill);
      return send(res, 201, view(bills.get(keyOf(b.biller, b.reference))!));
    }
    if (path === "/_control/pay-elsewhere") {
      const ok = handle_.payElsewhere(String(body.biller), String(body.reference));
      return send(res, ok ? 200 : 404, { ok });
    }
    return send(res, 404, {});
  }

  const handle_: BillerSimulator = {
    url: "",
    addBill: add,
    payElsewhere(biller, reference) {
      const b = bills.get(keyOf(biller, reference));
      if (!b) return false;
      b.paidBy ??= "post-office";
      return true;
    },
    notices: () => [...notices],
    setDown(d) {
      down = d;
    },
    reset,
    async close() {
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
  handle_.url = `http://${opts.host ?? "127.0.0.1"}:${(server.address() as AddressInfo).port}`;
  return handle_;
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString("utf8") || "null"));
      } catch {
        resolve(null);
      }
    });
    req.on("error", () => resolve(null));
  });
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}
