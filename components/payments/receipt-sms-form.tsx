"use client";

import { useActionState } from "react";
import type { FormAction } from "@/components/auth/form-state";
import { buttonClass } from "@/components/ui/button";

/** "Send the receipt to my phone" (works without JavaScript: a plain form). */
export function ReceiptSmsForm<T>({ action, paymentId, labels }: { action: FormAction<T>; paymentId: string; labels: { send: string; sent: string } }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="print:hidden">
      <input type="hidden" name="paymentId" value={paymentId} />
      <button type="submit" className={buttonClass("secondary")} disabled={pending}>
        {labels.send}
      </button>
      <p role="status" className="mt-2 font-semibold">
        {state?.ok ? labels.sent : state && !state.ok ? state.message : ""}
      </p>
    </form>
  );
}
