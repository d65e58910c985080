/**
 * The payment state machine. A payment only moves forward:
 *
 *   created ──► pending ──► paid ──► refunded
 *      │           ├──────► declined
 *      │           └──────► expired
 *      ├──► declined   (the gateway refused the request: unknown payer)
 *      ├──► expired    (the request never reached the gateway)
 *      └──► paid       (the creation's answer was lost, the status query says paid)
 *
 * Whatever arrives (callbacks twice or out of order, two workers, a browser coming back),
 * a transition that is not listed here is ignored, never applied.
 */
export const paymentStates = ["created", "pending", "paid", "declined", "expired", "refunded"] as const;
export type PaymentState = (typeof paymentStates)[number];

/** What the gateway can say about a request. */
export const gatewayStatuses = ["pending", "paid", "declined", "expired", "refunded"] as const;
export type GatewayStatus = (typeof gatewayStatuses)[number];

const next: Record<PaymentState, readonly PaymentState[]> = {
  created: ["pending", "paid", "declined", "expired"],
  pending: ["paid", "declined", "expired"],
  paid: ["refunded"],
  declined: [],
  expired: [],
  refunded: [],
};

export function canMove(from: PaymentState, to: PaymentState): boolean {
  return next[from].includes(to);
}

/**
 * The path from `from` to what the gateway says, one step at a time (so the ledger has a row
 * for each state entered): created→paid→refunded when a refund is all we get to see. Empty when
 * the gateway's answer is where we are, or behind us.
 */
export function pathTo(from: PaymentState, to: PaymentState): PaymentState[] {
  if (from === to) return [];
  if (canMove(from, to)) return [to];
  if (to === "refunded" && (from === "created" || from === "pending")) return ["paid", "refunded"];
  return [];
}

export function isFinal(state: PaymentState): boolean {
  return state === "paid" || state === "declined" || state === "expired" || state === "refunded";
}

/** Holds its bills: a bill in a payment in one of these states cannot be paid again. */
export function holdsBills(state: PaymentState): boolean {
  return state === "created" || state === "pending" || state === "paid";
}

/** Why a payment ended as it did; a closed set translated by the UI (Pay.reasons.*). */
export const paymentReasons = [
  "refusedByPayer",
  "insufficientFunds",
  "expired",
  "payerUnknown",
  "notSent",
] as const;
export type PaymentReason = (typeof paymentReasons)[number];
