import { caseSource, type MyFileSource } from "@/lib/cases/my-file";
import { paymentsSource } from "@/lib/payments/my-file";

/**
 * What "my file" lists: cases, and payments with their receipts (lib/payments). Bookings
 * (lib/interviews) add their source here when they exist; each source is a function of the citizen's id.
 */
export const myFileSources: readonly MyFileSource[] = [caseSource, paymentsSource];
