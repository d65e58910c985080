"use client";

import { useEffect, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { KitProvider, useKitForm, type FormAction } from "@/components/forms/form-root";
import type { FormSchemaName } from "@/components/forms/schemas";
import { NotificationBanner } from "@/components/ui/notification-banner";

/**
 * An administrator creates a body's API key, or registers its webhook endpoint: the kit's form,
 * whose fields its page gives, and the secret once, in the answer (a key is never stored, a
 * webhook secret never shown again). Its words come from its page's FormMessages.
 */
type Words = { created: "PartnerApi.created" | "PartnerApi.webhookCreated"; once: "PartnerApi.createdOnce" | "PartnerApi.webhookOnce" };

export function SecretOnceForm({ action, schema, words, heading, children }: { action: FormAction; schema: FormSchemaName; words: Words; heading: ReactNode; children: ReactNode }) {
  const t = useTranslations();
  const kit = useKitForm({ action, schema });
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
            <p>{t.rich(words.created, { label: String(created.label ?? ""), name: (chunks) => <bdi>{chunks}</bdi> })}</p>
            <p className="mt-2 font-semibold">{t(words.once)}</p>
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
