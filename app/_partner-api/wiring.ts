import "server-only";
import { bodyBookings } from "@/lib/interviews/partner";
import { confirmByPayee } from "@/lib/payments/partner";
import type { PartnerPorts } from "@/lib/partner-api/ports";
import { paymentsWithBillers } from "@/app/_payments/wiring";

/** The partner API reads bookings and confirms payments through these (domains never import each other). */
export const partnerPorts: PartnerPorts = {
  bookings: (opts) => bodyBookings(opts),
  confirmPayment: async (opts) => confirmByPayee({ deps: await paymentsWithBillers(), ...opts }),
};
