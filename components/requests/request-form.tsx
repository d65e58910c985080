import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { UPLOAD_LIMITS } from "@/lib/documents/uploads/limits";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/routing";
import { reviewRequestAction } from "@/lib/requests/draft-actions";
import { newIdempotencyKey } from "@/lib/outbox/keys";
import { Form, UPLOAD_WORDS } from "@/components/forms/form";
import { Checkboxes, Submit } from "@/components/forms/fields";
import { FormMessages } from "@/components/forms/form-messages";
import type { FormSchemaName } from "@/components/forms/schemas";
import { UserText } from "@/components/ui/user-text";
import { ScanPages } from "@/components/uploads/scan-pages";

/**
 * The form of every requests kind (complaint, suggestion, information request): the kit's form
 * over the "continue" step (the answers checked on the phone by the kind's own schema, then kept
 * as a draft on the server and shown to check), the outbox with it (the draft kept on the phone,
 * sent when the network is back), and the files when the kind takes them.
 */
const NAMESPACE: Record<string, string> = { complaint: "Complaint", suggestion: "Suggestion", "info-request": "InfoRequest" };

export async function RequestForm({
  kind,
  locale,
  userId,
  formPath,
  titleField,
  draft,
  attachments,
  hidden,
  children,
}: {
  kind: FormSchemaName & ("complaint" | "suggestion" | "info-request");
  locale: Locale;
  userId: string;
  formPath: string;
  titleField: string;
  /** The answers to put back (a change link from the check page), under the draft's key. */
  draft?: { key: string; values: Record<string, string | string[]>; uploads: readonly { id: string; label: string }[] } | null;
  /** Up to 5 photos or PDFs (complaints and suggestions). */
  attachments?: boolean;
  /** Answers given on an earlier step or by the page it came from (the body, the service). */
  hidden?: Record<string, string>;
  children: ReactNode;
}) {
  const r = await getTranslations({ locale, namespace: "Requests" });
  const o = await getTranslations({ locale, namespace: "Outbox" });
  const u = await getTranslations({ locale, namespace: "Uploads" });
  const uploads = draft?.uploads ?? [];
  return (
    <Form
      action={reviewRequestAction}
      schema={kind}
      errors={[NAMESPACE[kind]!, "Requests", "Uploads", "Cases", "Municipalities"]}
      initialValues={draft?.values}
      hidden={hidden}
      outbox={{ kind, formPath, userId, idempotencyKey: draft?.key ?? newIdempotencyKey(), titleField }}
      // The pages go up in pieces at the send, as files of the draft's key (ADR 0020).
      uploads={attachments ? { userId, chunkBytes: env().UPLOAD_CHUNK_BYTES } : undefined}
      className="max-w-2xl"
    >
      {children}
      {attachments ? (
        <>
          {uploads.length ? (
            <Checkboxes
              name="removeUpload"
              label={r("attachments.current")}
              options={uploads.map((f) => ({ value: f.id, label: <UserText>{r("attachments.remove", { name: f.label })}</UserText> }))}
            />
          ) : null}
          {/* Pages photographed one by one become one PDF on the phone (without JavaScript: the plain file input). */}
          <FormMessages namespaces={["ScanPages", ...UPLOAD_WORDS]}>
            <ScanPages name="attachments" label={u("label")} hint={`${r("attachments.limits", { max: UPLOAD_LIMITS.maxFiles })} ${r("attachments.needsNetwork")}`} />
          </FormMessages>
        </>
      ) : null}
      <p className="mb-4 text-sm text-muted">{o("draftNote")}</p>
      <Submit>{r("continue")}</Submit>
    </Form>
  );
}
