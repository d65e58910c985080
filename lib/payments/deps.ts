import type { Db } from "@/lib/db/open";
import type { SigningKey } from "@/lib/documents/signing";
import type { PaymentGateway } from "./gateway";
import type { Payees } from "./payee";

/**
 * Everything a payment function needs, passed in (one options object): the app builds it from
 * configuration (lib/payments/context.ts), tests build it around simulators and an in-memory
 * database. `now` is the business clock (lib/clock: expiry, dates on receipts), which tests move;
 * scheduling of background checks uses the machine's clock.
 */
export type PaymentSettings = {
  /** How long the payer has to approve. */
  expirySeconds: number;
  feeMillimes: number;
  /** Public origin, for the verification link in receipts. */
  appUrl: string;
};

export type PaymentDeps = {
  db: Db;
  gateway: PaymentGateway;
  payees: Payees;
  now: () => Promise<Date>;
  signingKey: SigningKey;
  settings: PaymentSettings;
};
