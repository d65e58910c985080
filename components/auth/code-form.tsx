"use client";

import { useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import { KitProvider, useKitForm } from "@/components/forms/form-root";
import { Submit, TextInput } from "@/components/forms/fields";
import { NotificationBanner } from "@/components/ui/notification-banner";
import { resendCodeAction, verifyCodeAction } from "@/lib/auth/actions";
import { ltrRun } from "@/lib/i18n/bidi";

/**
 * Step 2 of sign-in: the code, and "send a new code" — two forms of the kit, each with its own
 * answer. The latest answer wins: a fresh code clears an old error, and a refused resend (too many
 * codes) shows on the code field, the one question of the page, like any other problem. (Without
 * JavaScript only the submitted form has an answer.) Its words come from its page's FormMessages.
 */
export function CodeForm({ phone, returnTo }: { phone: string; returnTo: string | null }) {
  const t = useTranslations("SignIn");
  const ui = useTranslations("Ui");
  const hidden = useMemo(() => ({ returnTo: returnTo ?? "" }), [returnTo]);
  const verify = useKitForm({ action: verifyCodeAction, schema: "sign-in-code", hidden });
  // The resend form has no field of its own: what it says about the code goes to the code field.
  const resend = useKitForm({ action: resendCodeAction, id: "resend", hidden, errorTargets: { code: "code" } });
  const [last, setLast] = useState<"verify" | "resend" | null>(null);
  const resendLatest = last === "resend" || (last === null && resend.state !== null);
  const ctx = resendLatest ? { ...verify.ctx, errorOf: resend.ctx.errorOf } : verify.ctx;
  return (
    <>
      {resendLatest && resend.state?.ok ? (
        <NotificationBanner title={ui("success")} tone="success">
          <p>{t("resent")}</p>
        </NotificationBanner>
      ) : null}
      <KitProvider value={ctx}>
        <form
          {...verify.form}
          onSubmit={(e) => {
            setLast("verify");
            verify.onSubmit(e);
          }}
        >
          {resendLatest ? resend.summary : verify.summary}
          {verify.hiddenInputs}
          <TextInput
            name="code"
            label={t("codeHeading")}
            labelAsHeading
            // The number is one left-to-right run inside Arabic text (a message parameter).
            hint={t("codeHint", { phone: ltrRun(phone) })}
            autoComplete="one-time-code"
            inputMode="numeric"
            spellCheck={false}
            dir="ltr"
            maxLength={12}
            className="max-w-40 text-start font-mono text-xl tracking-widest"
          />
          <Submit>{t("signIn")}</Submit>
        </form>
      </KitProvider>
      <details className="mt-8 max-w-2xl">
        <summary className="min-h-11 cursor-pointer py-2 font-semibold text-link underline">{t("notReceived")}</summary>
        <div className="border-s-4 border-line ps-4">
          <p className="mb-4">{t("notReceivedText")}</p>
          <KitProvider value={resend.ctx}>
            <form
              {...resend.form}
              onSubmit={(e) => {
                setLast("resend");
                resend.onSubmit(e);
              }}
            >
              {resend.hiddenInputs}
              <Submit variant="secondary">{t("resend")}</Submit>
            </form>
          </KitProvider>
        </div>
      </details>
    </>
  );
}
