"use client";

import { useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import { useFormKit } from "@/components/forms/form-root";
import { buttonClass } from "@/components/ui/button";

/**
 * The pay button. A payment is never queued offline: without a connection the button is
 * disabled and says why. Before JavaScript runs it is a plain submit button (the server decides).
 * Inside the kit's form; its words (Pay.check.submit, Pay.check.offline) come from its page's
 * FormMessages, the amount already formatted.
 */
function subscribe(onChange: () => void) {
  window.addEventListener("online", onChange);
  window.addEventListener("offline", onChange);
  return () => {
    window.removeEventListener("online", onChange);
    window.removeEventListener("offline", onChange);
  };
}

export function OnlineSubmit({ amount }: { amount: string }) {
  const t = useTranslations("Pay.check");
  const { busy } = useFormKit();
  const online = useSyncExternalStore(subscribe, () => navigator.onLine, () => true);
  return (
    <div className="flex flex-col items-start gap-2">
      <button type="submit" className={buttonClass("primary")} disabled={!online} aria-disabled={busy || undefined} aria-describedby={online ? undefined : "pay-offline"}>
        {t("submit", { amount })}
      </button>
      {online ? null : (
        <p id="pay-offline" role="status" className="border-s-4 border-warning ps-3 font-semibold">
          {t("offline")}
        </p>
      )}
    </div>
  );
}
