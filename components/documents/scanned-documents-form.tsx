import { getTranslations } from "next-intl/server";
import type { Service } from "@/lib/catalogue/schema";
import { scannedSubmissionPayload } from "@/lib/catalogue/scanned";
import { checklistOf } from "@/lib/cases/kinds/document-submission/checklist";
import { documentField } from "@/lib/cases/kinds/document-submission/schema";
import { SCAN_LIMITS } from "@/lib/documents/scanned-submissions";
import type { UploadRow } from "@/lib/documents/uploads/save";
import { acceptAttribute } from "@/lib/documents/uploads/limits";
import { contentLocale, type Locale } from "@/lib/i18n/routing";
import { Form } from "@/components/forms/form";
import type { FormAction } from "@/components/forms/form-root";
import { Checkboxes, FileInput, Select, Submit } from "@/components/forms/fields";
import { municipalityGroups, rootTranslator } from "@/components/cases/labels";
import { GENERIC_MUNICIPALITY } from "@/lib/municipalities/municipalities";
import { UserText } from "@/components/ui/user-text";

/**
 * A procedure's documents sent scanned (issue 16): the checklist of what the catalogue lists —
 * attached, missing, only if it applies — and one file field per document. The citizen's own form
 * and the agent's at the counter (for a walk-in citizen) are this one; only the action differs.
 */
export async function ScannedDocumentsForm({
  locale,
  service,
  held,
  action,
  hidden,
  submit,
  uploads,
  municipality,
}: {
  locale: Locale;
  service: Service;
  held: readonly UploadRow[];
  action: FormAction;
  hidden: Record<string, string> & { draftKey: string };
  submit: string;
  /**
   * The citizen's own form: each document goes up in pieces as soon as it is chosen (ADR 0020), as
   * that document of the form's key. Not at the counter: the files there are the citizen's, sent by the agent.
   */
  uploads?: { userId: string; chunkBytes: number };
  /** A procedure of "the municipality": which one is asked (at the counter, the house's town is its default). */
  municipality?: string | null;
}) {
  const root = await rootTranslator(locale);
  const asksMunicipality = service.body === GENERIC_MUNICIPALITY;
  const t = await getTranslations({ locale, namespace: "DocumentSubmission" });
  const lang = contentLocale(locale);
  const checklist = checklistOf(scannedSubmissionPayload(service).documents, held);
  const missing = checklist.filter((i) => i.missing).length;
  return (
    <>
        <section aria-labelledby="checklist-heading" className="mb-8 max-w-2xl">
          <h2 id="checklist-heading" className="mb-2 text-xl font-bold">
            {t("checklist.heading")}
          </h2>
          <p className="mb-3" role="status">
            {missing ? t("checklist.missingCount", { count: missing }) : t("checklist.complete")}
          </p>
          <ul className="flex flex-col gap-2" data-checklist>
            {checklist.map((item) => (
              <li key={item.document.id} data-document={item.document.id} data-state={item.files.length ? "attached" : item.missing ? "missing" : "optional"} className="border-s-4 border-line ps-3">
                <span className="font-semibold">{item.document.name[lang]}</span>
                {" — "}
                {item.files.length ? (
                  <span>
                    {t("checklist.attached", { count: item.files.length })}{" "}
                    {item.files.map((f, i) => (
                      <span key={f.id}>
                        {i ? ", " : ""}
                        <UserText>{f.label}</UserText>
                      </span>
                    ))}
                  </span>
                ) : item.missing ? (
                  <strong className="text-danger">{t("checklist.missing")}</strong>
                ) : (
                  <span className="text-muted">{t("checklist.optional")}</span>
                )}
              </li>
            ))}
          </ul>
        </section>

        <Form
          action={action}
          schema="document-submission"
          hidden={hidden}
          errors={["DocumentSubmission", "Uploads", "Outbox", "Cases", "Municipalities"]}
          uploads={uploads ? { ...uploads, draftKey: hidden.draftKey } : undefined}
          className="max-w-2xl"
        >
          {asksMunicipality ? (
            <Select name="municipalityId" label={root("Municipalities.field")} hint={root("Municipalities.chooseHint")} placeholder="—" options={[]} groups={municipalityGroups(locale)} defaultValue={municipality ?? undefined} />
          ) : null}
          {held.length ? (
            <Checkboxes
              name="removeUpload"
              label={t("remove.label")}
              options={held.map((f) => ({ value: f.id, label: <UserText>{t("remove.option", { name: f.label })}</UserText> }))}
            />
          ) : null}
          {service.documents.map((d) => (
            <FileInput
              key={d.id}
              name={documentField(d.id)}
              label={d.name[lang]}
              hint={[d.onlyIf?.[lang], t("fileHint", { max: SCAN_LIMITS.maxPerDocument })].filter(Boolean).join(" · ")}
              accept={acceptAttribute}
              multiple
              slot={d.id}
            />
          ))}
          <p className="mb-4 text-sm text-muted">{t("sendNote")}</p>
          <Submit>{submit}</Submit>
        </Form>
    </>
  );
}
