"use server";

import { redirect } from "next/navigation";
import type { z } from "zod";
import { createFormAction, type ActionResult } from "@/lib/safe-action";
import { AppError } from "@/lib/errors";
import { localePath } from "@/lib/i18n/routing";
import { findBill, savedBillsToPay } from "@/lib/bills/service";
import { createCheckout, startPayment } from "@/lib/payments/start-payment";
import { refreshPayment } from "@/lib/payments/queries";
import { payableFrom } from "@/lib/payments/service";
import { paymentsWithBillers } from "@/app/_payments/wiring";
import { checkNowSchema, chooseBillsSchema, findBillSchema, paySchema } from "@/lib/payments/forms";

type State = ActionResult<unknown> | null;
const citizens = ["citizen"] as const;

const find = createFormAction({
  schema: findBillSchema,
  access: citizens,
  run: async ({ input, actor, locale }) => {
    const bill = await findBill({ biller: input.biller, reference: input.reference, key: input.key ?? null });
    if (bill.status === "paid") throw new AppError("conflict", { fields: { reference: "Pay.find.alreadyPaid" } });
    const deps = await paymentsWithBillers();
    const { checkoutId } = await createCheckout({ deps, userId: actor.userId, items: [payableFrom({ ...bill, key: input.key?.trim() || null })] });
    return { href: localePath(locale, `/pay/check/${checkoutId}`) };
  },
});

export async function findBillAction(prev: State, form: FormData): Promise<ActionResult<unknown>> {
  const r = await find(prev as never, form);
  if (r.ok) redirect(r.data.href);
  return r;
}

const choose = createFormAction({
  schema: chooseBillsSchema,
  access: citizens,
  run: async ({ input, actor, locale }) => {
    if (input.bills.length > 10) throw new AppError("validation", { fields: { bills: "Pay.errors.tooManyBills" } });
    const bills = await savedBillsToPay({ userId: actor.userId, selections: input.bills });
    if (bills.some((b) => b.status === "paid")) throw new AppError("conflict", { messageKey: "Pay.errors.paidElsewhere" });
    const deps = await paymentsWithBillers();
    const { checkoutId } = await createCheckout({ deps, userId: actor.userId, items: bills.map(payableFrom) });
    return { href: localePath(locale, `/pay/check/${checkoutId}`) };
  },
});

export async function chooseBillsAction(prev: State, form: FormData): Promise<ActionResult<unknown>> {
  const r = await choose(prev as never, form);
  if (r.ok) redirect(r.data.href);
  return r;
}

const pay = createFormAction({
  schema: paySchema,
  access: citizens,
  run: async ({ input, actor, locale }) => {
    const deps = await paymentsWithBillers();
    const { paymentId } = await startPayment({ deps, userId: actor.userId, checkoutId: input.checkoutId, payerPhone: input.payerPhone, idempotencyKey: input.idempotencyKey, locale });
    return { paymentId, href: localePath(locale, `/pay/status/${paymentId}`) };
  },
  audit: (input: z.infer<typeof paySchema>, result: { paymentId: string }) => ({ action: "payment.start", subjectType: "payment", subjectId: result.paymentId, detail: { checkoutId: input.checkoutId } }),
});

export async function payAction(prev: State, form: FormData): Promise<ActionResult<unknown>> {
  const r = await pay(prev as never, form);
  if (r.ok) redirect(r.data.href);
  return r;
}

const check = createFormAction({
  schema: checkNowSchema,
  access: citizens,
  run: async ({ input, actor, locale }) => {
    const deps = await paymentsWithBillers();
    const view = await refreshPayment({ deps, userId: actor.userId, paymentId: input.paymentId, force: true });
    return { href: localePath(locale, view.state === "paid" ? `/pay/receipt/${view.id}` : `/pay/status/${view.id}`) };
  },
});

export async function checkNowAction(prev: State, form: FormData): Promise<ActionResult<unknown>> {
  const r = await check(prev as never, form);
  if (r.ok) redirect(r.data.href);
  return r;
}
