import { getTranslations } from "next-intl/server";
import { Form } from "@/components/forms/form";
import { Submit } from "@/components/forms/fields";
import { setEditorRightAction } from "@/lib/content/actions";
import type { Locale } from "@/lib/i18n/routing";

/** In an official's row of the admin users page: give or remove the content editor right (docs/adr/0023). */
export async function EditorRightToggle({ locale, userId, on, who }: { locale: Locale; userId: string; on: boolean; who: string }) {
  const t = await getTranslations({ locale, namespace: "ContentEditing.editorRight" });
  return (
    <Form action={setEditorRightAction} id={`editor-${userId}`} hidden={{ userId, on: on ? "false" : "true" }}>
      <Submit variant="quiet">
        {on ? t("revoke") : t("grant")}
        <span className="sr-only"> — {who}</span>
      </Submit>
    </Form>
  );
}
