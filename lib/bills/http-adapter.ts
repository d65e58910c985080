import { maskName } from "./mask";
import { billBody, contractBillsBody, paymentNoticeAnswer, type BillBody } from "./contract";
import { BillerUnavailable, type Bill, type BillerAdapter, type NoticeOutcome, type PaymentNotice } from "./types";
import type { BillerId } from "./billers";

/**
 * One biller over HTTP (docs/contracts/billers.md). The same adapter serves STEG, SONEDE and
 * Tunisie Telecom against the biller simulator; a biller whose real API differs gets its own
 * adapter behind BillerAdapter.
 */
export type BillerHttpConfig = { biller: BillerId; apiUrl: string; token: string; timeoutMs: number };

export function createHttpBillerAdapter(config: BillerHttpConfig): BillerAdapter {
  const base = `${config.apiUrl.replace(/\/$/, "")}/v1/billers/${config.biller}`;

  async function request(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${config.token}`,
          accept: "application/json",
          ...(body !== undefined ? { "content-type": "application/json" } : {}),
        },
        body: body !== undefined ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(config.timeoutMs),
        cache: "no-store",
      });
    } catch (error) {
      throw new BillerUnavailable(`${config.biller} ${method} ${path}: ${(error as Error).message}`, { cause: error });
    }
    const text = await res.text().catch(() => "");
    const json = parseJson(text);
    if (res.status >= 500 || res.status === 401 || res.status === 429) throw new BillerUnavailable(`${config.biller} ${method} ${path}: HTTP ${res.status}`);
    return { status: res.status, json };
  }

  const keyQuery = (key: string | null) => (key ? `?key=${encodeURIComponent(key)}` : "");

  return {
    id: config.biller,
    async lookupBill({ reference, key }) {
      const r = await request("GET", `/bills/${encodeURIComponent(reference)}${keyQuery(key)}`);
      if (r.status === 404) return null;
      const parsed = billBody.safeParse(r.json);
      if (r.status !== 200 || !parsed.success) throw new BillerUnavailable(`${config.biller}: answer does not match the contract`);
      return toBill(config.biller, parsed.data);
    },
    async listContractBills({ contract, key }) {
      const r = await request("GET", `/contracts/${encodeURIComponent(contract)}/bills${keyQuery(key)}`);
      if (r.status === 404) return null;
      const parsed = contractBillsBody.safeParse(r.json);
      if (r.status !== 200 || !parsed.success) throw new BillerUnavailable(`${config.biller}: answer does not match the contract`);
      return parsed.data.bills.map((b) => toBill(config.biller, b));
    },
    async notifyPayment(notice: PaymentNotice): Promise<NoticeOutcome> {
      const r = await request("POST", `/bills/${encodeURIComponent(notice.reference)}/payments`, {
        paymentReference: notice.paymentReference,
        amount: notice.amountMillimes,
        currency: "TND",
        paidAt: notice.paidAt.toISOString(),
        channel: "idarti-d17",
      });
      if (r.status === 200 || r.status === 201) {
        if (!paymentNoticeAnswer.safeParse(r.json).success) throw new BillerUnavailable(`${config.biller}: answer does not match the contract`);
        return "accepted";
      }
      const code = (r.json as { error?: { code?: string } } | null)?.error?.code;
      if (r.status === 409 && code === "already_paid") return "alreadyPaid";
      return "rejected";
    },
  };
}

function toBill(biller: BillerId, b: BillBody): Bill {
  return {
    biller,
    reference: b.reference,
    contract: b.contract,
    customer: maskName(b.customerName),
    period: `${b.periodStart}/${b.periodEnd}`,
    amountMillimes: b.amount,
    dueDate: b.dueDate,
    status: b.status,
  };
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}
