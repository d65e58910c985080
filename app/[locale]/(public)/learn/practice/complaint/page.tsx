import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { categoriesOf, complaintBodyIds } from "@/lib/cases/kinds/complaint/categories";
import { localePath } from "@/lib/i18n/routing";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";
import { currentPracticeRun } from "@/lib/practice/context";
import { bodyName, rootTranslator } from "@/components/cases/labels";
import { pick } from "@/components/requests/labels";
import { Form, StepForm } from "@/components/forms/form";
import { Checkbox, Radios, Submit, TextArea } from "@/components/forms/fields";
import { practiceComplaintAction } from "../actions";

export const dynamic = "force-dynamic";

export const generateMetadata = titled("Practice.titles.complaint");

/**
 * The complaint form in practice: the same two questions, fields, words and schema as
 * /requests/complaint/new; the action records it in the practice store (no case is made).
 */
export default async function PracticeComplaintPage({ params, searchParams }: PageProps<"/[locale]/learn/practice/complaint">) {
  const locale = await pageLocale(params);
  if (!(await currentPracticeRun())) redirect(localePath(locale, "/learn/practice"));
  const query = await searchParams;
  const t = await getTranslations({ locale, namespace: "Complaint" });
  const r = await getTranslations({ locale, namespace: "Requests" });
  const p = await getTranslations({ locale, namespace: "Practice" });
  const root = await rootTranslator(locale);
  const here = localePath(locale, "/learn/practice/complaint");
  const bodyId = typeof query.body === "string" && complaintBodyIds().includes(query.body) ? query.body : null;
  if (!bodyId) {
    const bodyError = query.s === "body" ? t("errors.bodyRequired") : undefined;
    return (
      <>
        <p className="mb-2 text-lg font-semibold">{p("titles.complaint")}</p>
        <StepForm action={here} className="max-w-2xl" errors={bodyError ? { body: bodyError } : {}}>
          <input type="hidden" name="s" value="body" />
          <Radios name="body" label={t("bodyQuestion")} hint={t("bodyHint")} legendAsHeading options={complaintBodyIds().map((id) => ({ value: id, label: bodyName(root, id) }))} />
          <Submit>{r("continue")}</Submit>
        </StepForm>
      </>
    );
  }
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{p("titles.complaint")}</h1>
      <dl className="mb-6 max-w-2xl border-s-4 border-brand ps-4">
        <dt className="font-semibold">{t("fields.bodyId")}</dt>
        <dd className="mb-2">
          {bodyName(root, bodyId)}{" "}
          <a href={here} className="link ms-2">
            {r("change")}
            <span className="sr-only"> {t("fields.bodyId")}</span>
          </a>
        </dd>
      </dl>
      <Form action={practiceComplaintAction} schema="complaint" hidden={{ bodyId }} errors={["Complaint", "Cases", "Requests", "Practice"]} className="max-w-2xl">
        <Radios name="category" label={t("categoryQuestion")} options={categoriesOf(bodyId).map((c) => ({ value: c.id, label: pick(c.name, locale) }))} />
        <TextArea name="description" label={t("fields.description")} hint={t("descriptionHint")} maxLength={5000} rows={6} />
        <Checkbox name="hideName" label={r("hideName")} hint={r("hideNameHint")} />
        <Submit>{p("send.complaint")}</Submit>
      </Form>
    </>
  );
}
