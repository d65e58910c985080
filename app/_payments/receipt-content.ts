import "server-only";
import { getTranslations } from "next-intl/server";
import { env } from "@/lib/env";
import { formatDate, formatMoney, formatPhone } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import { verificationUrl } from "@/lib/documents/qr";
import type { PaymentView } from "@/lib/payments/queries";
import { isBillerKey } from "@/components/payments/labels";

export type ReceiptRow = { label: string; value: string; ltr?: boolean };
export type ReceiptContent = {
  title: string;
  subtitle: string;
  head: ReceiptRow[];
  bills: { heading: string; rows: ReceiptRow[] }[];
  totals: ReceiptRow[];
  verification: { code: string; url: string; heading: string; text: string };
  footer: string;
};

/** What a receipt says, in one language: the page and the PDF show the same words. */
export async function receiptContent(locale: Locale, p: PaymentView & { receiptCode: string }): Promise<ReceiptContent> {
  const t = await getTranslations({ locale, namespace: "Receipt" });
  const tb = await getTranslations({ locale, namespace: "Bills" });
  const biller = (payee: string) => (isBillerKey(payee) ? tb(`billers.${payee}.name`) : payee);
  const day = (d: string) => formatDate(`${d}T12:00:00Z`, locale);
  return {
    title: t("title"),
    subtitle: t("pdfSubtitle"),
    head: [
      { label: t("reference"), value: p.reference, ltr: true },
      { label: t("date"), value: formatDate(p.paidAt ?? p.createdAt, locale, "dateTime") },
      { label: t("method"), value: `${t("methodD17")} (${formatPhone(p.payerPhone).replace(/\d{3}(?= \d{3}$)/, "***")})` },
    ],
    bills: p.items.map((i) => {
      const [from, to] = (i.period ?? "").split("/");
      return {
        heading: biller(i.payee),
        rows: [
          { label: t("billReference"), value: i.reference, ltr: true },
          ...(from && to ? [{ label: t("period"), value: tb("periodValue", { from: day(from), to: day(to) }) }] : []),
          { label: t("amount"), value: formatMoney(i.amountMillimes, locale) },
        ],
      };
    }),
    totals: [
      ...(p.feeMillimes > 0 ? [{ label: t("fee"), value: formatMoney(p.feeMillimes, locale) }] : []),
      { label: t("total"), value: formatMoney(p.totalMillimes, locale) },
    ],
    verification: { code: p.receiptCode, url: verificationUrl(env().APP_URL, p.receiptCode), heading: t("verifyHeading"), text: t("verifyText") },
    footer: t("pdfFooter"),
  };
}
