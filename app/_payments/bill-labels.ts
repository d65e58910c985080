import "server-only";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import { isBillerKey } from "@/components/payments/labels";

/** The words BillLines shows, in the page's language. */
export async function billLineLabels(locale: Locale) {
  const tb = await getTranslations({ locale, namespace: "Bills" });
  const tp = await getTranslations({ locale, namespace: "Pay" });
  return {
    biller: (payee: string) => (isBillerKey(payee) ? tb(`billers.${payee}.short`) : payee),
    bill: (reference: string) => tb("bill", { reference }),
    customer: tp("check.customer"),
    period: tb("period"),
    periodValue: (from: string, to: string) => tb("periodValue", { from, to }),
    due: tb("due"),
    amount: tb("amount"),
  };
}
