import { caseSource, type MyFileSource } from "@/lib/cases/my-file";
import { bookingSource } from "@/lib/interviews/my-file";
import { paymentsSource } from "@/lib/payments/my-file";

/**
 * What "my file" lists: cases (lib/cases), interview bookings (lib/interviews) and payments with
 * their receipts (lib/payments); each source is a function of the citizen's id.
 */
export const myFileSources: readonly MyFileSource[] = [caseSource, bookingSource, paymentsSource];
