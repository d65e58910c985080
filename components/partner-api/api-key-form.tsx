"use client";

import { useEffect, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { KitProvider, useKitForm, type FormAction } from "@/components/forms/form-root";
import { NotificationBanner } from "@/components/ui/notification-banner";

/**
 * An administrator creates a body's API key: the kit's form, whose fields its page gives, and
 * the key itself once, in the answer (never stored, never shown again). Its words come from its
 * page's FormMessages (PartnerApi.created*, Ui.success).
 */
export function ApiKeyForm({ action, heading, children }: { action: FormAction; heading: ReactNode; children: ReactNode }) {
  const t = useTranslations();
  const kit = useKitForm({ action, schema: "partner-api-key" });
  const created = kit.state?.ok ? (kit.state.data as { label?: unknown; secret?: unknown }) : undefined;
  const formRef = kit.form.ref;
  useEffect(() => {
    if (created?.secret !== undefined) formRef.current?.reset();
  }, [created, formRef, kit.state]);
  return (
    <KitProvider value={kit.ctx}>
      <form {...kit.form} onSubmit={(e) => kit.onSubmit(e)}>
        {heading}
        {typeof created?.secret === "string" ? (
          <NotificationBanner title={t("Ui.success")} tone="success">
            <p>{t.rich("PartnerApi.created", { label: String(created.label ?? ""), name: (chunks) => <bdi>{chunks}</bdi> })}</p>
            <p className="mt-2 font-semibold">{t("PartnerApi.createdOnce")}</p>
            <p className="mt-2">
              <code dir="ltr" data-api-key className="block break-all rounded bg-canvas p-2 text-start font-mono select-all">
                {created.secret}
              </code>
            </p>
          </NotificationBanner>
        ) : null}
        {kit.summary}
        {kit.hiddenInputs}
        {children}
      </form>
    </KitProvider>
  );
}
