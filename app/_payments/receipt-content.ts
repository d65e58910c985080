import "server-only";
import { getTranslations } from "next-intl/server";
import { env } from "@/lib/env";
import { formatDate, formatMoney, formatPhone } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import { verificationUrl } from "@/lib/documents/qr";
import { maskName, receiptCertifies } from "@/lib/documents/compact";
import { documentSigningKey } from "@/lib/documents/keys";
import { offlineVerificationUrl, signOfflineToken } from "@/lib/documents/offline-token";
import { RECEIPT_KIND } from "@/lib/payments/advance";
import type { PaymentView } from "@/lib/payments/queries";
import { isBillerKey } from "@/components/payments/labels";

export type ReceiptRow = { label: string; value: string; ltr?: boolean };
export type ReceiptContent = {
  title: string;
  subtitle: string;
  head: ReceiptRow[];
  bills: { heading: string; rows: ReceiptRow[] }[];
  totals: ReceiptRow[];
  /** url: the short-code check (printed, typed); qr: what the QR carries, the signed content itself (ADR 0017). */
  verification: { code: string; url: string; heading: string; text: string; token: string; qr: string };
  footer: string;
};

/** What a receipt says, in one language: the page and the PDF show the same words. */
export async function receiptContent(locale: Locale, p: PaymentView & { receiptCode: string }): Promise<ReceiptContent> {
  const t = await getTranslations({ locale, namespace: "Receipt" });
  const tb = await getTranslations({ locale, namespace: "Bills" });
  const biller = (payee: string) => (isBillerKey(payee) ? tb(`billers.${payee}.name`) : payee);
  const day = (d: string) => formatDate(`${d}T12:00:00Z`, locale);
  const token = offlineReceiptToken(p);
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
    verification: {
      code: p.receiptCode,
      url: verificationUrl(env().APP_URL, p.receiptCode),
      heading: t("verifyHeading"),
      text: t("verifyText"),
      token,
      qr: offlineVerificationUrl(env().APP_URL, token),
    },
    footer: t("pdfFooter"),
  };
}

/**
 * The receipt as a QR checks it offline: the amounts and bills it proves paid, and as holder the
 * bill's customer (masked), the person a landlord or an agent compares it with. Signed when shown,
 * by the current key; Ed25519 is deterministic, so the same receipt gives the same code.
 */
function offlineReceiptToken(p: PaymentView & { receiptCode: string }): string {
  const paidAt = p.paidAt ?? p.createdAt;
  return signOfflineToken(documentSigningKey(), {
    kind: RECEIPT_KIND,
    code: p.receiptCode,
    issuedAt: Math.floor(paidAt.getTime() / 1000),
    holder: maskName(p.items[0]?.customer ?? ""),
    certifies: receiptCertifies({ paymentReference: p.reference, totalMillimes: p.totalMillimes, items: p.items }),
    validUntil: null,
  });
}
