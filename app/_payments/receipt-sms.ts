"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { createFormAction } from "@/lib/safe-action";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { formatMoney } from "@/lib/i18n/format";
import { consume, minutesOf } from "@/lib/rate-limit";
import { sendSms } from "@/lib/notifications/sms";
import { verificationUrl } from "@/lib/documents/qr";
import { getPayment } from "@/lib/payments/queries";
import { paymentsWithBillers } from "./wiring";

/**
 * The receipt by SMS, to the citizen's own number: at a self-service corner the screen keeps
 * nothing after the person leaves, so the receipt goes with them (printed, or in this SMS: the
 * payment's reference, the amount and the link that proves it). Three per payment per hour.
 */
export const sendReceiptSmsAction = createFormAction({
  access: ["citizen"],
  schema: z.object({ paymentId: z.string().uuid() }),
  audit: (input) => ({ action: "payment.receiptSms", subjectType: "payment", subjectId: input.paymentId }),
  async run({ input, actor, locale }) {
    const payment = await getPayment({ deps: await paymentsWithBillers(), userId: actor!.userId, paymentId: input.paymentId });
    if (!payment.receiptCode) throw new AppError("notFound");
    const limit = await consume({ key: `receipt-sms:${payment.id}`, limit: 3, windowSeconds: 3600 });
    if (!limit.ok) throw new AppError("rateLimited", { messageKey: "ReceiptSms.tooMany", values: { minutes: minutesOf(limit.retryAfterSeconds) } });
    const t = await getTranslations({ locale, namespace: "ReceiptSms" });
    await sendSms({
      to: actor!.phone,
      text: t("text", { reference: payment.reference, amount: formatMoney(payment.totalMillimes, locale), url: verificationUrl(env().APP_URL, payment.receiptCode) }),
      locale,
    });
    return { sent: true };
  },
});
