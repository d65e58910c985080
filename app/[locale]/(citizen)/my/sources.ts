import { caseSource, type MyFileSource } from "@/lib/cases/my-file";
import { bookingSource } from "@/lib/interviews/my-file";

/**
 * What "my file" lists. Bookings (lib/interviews) and payment receipts (lib/payments) add their
 * source here when they exist; each source is a function of the citizen's id.
 */
export const myFileSources: readonly MyFileSource[] = [caseSource, bookingSource];
