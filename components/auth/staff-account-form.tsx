"use client";

import { useEffect, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { KitProvider, useKitForm, type FormAction } from "@/components/forms/form-root";
import { NotificationBanner } from "@/components/ui/notification-banner";

/**
 * An administrator creates a staff or volunteer account: the kit's form, whose fields its page
 * gives, and which says whose account was made (the name the action answers with). Its words
 * come from its page's FormMessages (AdminUsers.created, Ui.success).
 */
export function StaffAccountForm({ action, heading, children }: { action: FormAction; heading: ReactNode; children: ReactNode }) {
  const t = useTranslations();
  const kit = useKitForm({ action, schema: "staff-account" });
  const created = kit.state?.ok ? (kit.state.data as { name?: unknown }).name : undefined;
  const formRef = kit.form.ref;
  // Made: the form is blank again for the next account (as a form posted without JavaScript).
  useEffect(() => {
    if (created !== undefined) formRef.current?.reset();
  }, [created, formRef, kit.state]);
  return (
    <KitProvider value={kit.ctx}>
      <form {...kit.form} onSubmit={(e) => kit.onSubmit(e)}>
        {heading}
        {typeof created === "string" ? (
          <NotificationBanner title={t("Ui.success")} tone="success">
            {/* The name someone typed, in any script, isolated inside the sentence. */}
            <p>{t.rich("AdminUsers.created", { name: created, user: (chunks) => <bdi>{chunks}</bdi> })}</p>
          </NotificationBanner>
        ) : null}
        {kit.summary}
        {kit.hiddenInputs}
        {children}
      </form>
    </KitProvider>
  );
}
