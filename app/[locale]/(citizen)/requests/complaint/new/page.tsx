import { LessonLink } from "@/components/learning/lesson-link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { categoriesOf, complaintBodyIds, findCategory } from "@/lib/cases/kinds/complaint/categories";
import { parseComplaintPrefill } from "@/lib/cases/kinds/complaint/prefill";
import { isLocale, localePath } from "@/lib/i18n/routing";
import { loadDraftForForm } from "@/lib/requests/drafts";
import { bodyName, municipalityGroups, rootTranslator, serviceName } from "@/components/cases/labels";
import { GENERIC_MUNICIPALITY } from "@/lib/municipalities/municipalities";
import { pick } from "@/components/requests/labels";
import { RequestForm } from "@/components/requests/request-form";
import { StepForm } from "@/components/forms/form";
import { Checkbox, Radios, Select, Submit, TextArea, TextInput } from "@/components/forms/fields";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { withErrorPrefix } from "@/lib/i18n/page-title";
import { pageLocale } from "@/lib/i18n/page-locale";
import { ExplainThisPage } from "@/components/assisted/explain-this-page";

export async function generateMetadata({ params, searchParams }: PageProps<"/[locale]/requests/complaint/new">): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "Complaint" });
  // The body question is a plain GET form: sent without a choice, it comes back with an error.
  const query = await searchParams;
  const failed = query.s === "body" && !parseComplaintPrefill(query).bodyId ? true : undefined;
  return { title: await withErrorPrefix(locale, t("title"), failed) };
}

/**
 * A complaint in two questions: which body (its own page, a plain GET form), then what happened
 * (category, description, privacy). Arriving from a service page, the body, the service and the
 * "document not on the list" category are already chosen.
 */
export default async function NewComplaintPage({ params, searchParams }: PageProps<"/[locale]/requests/complaint/new">) {
  const locale = await pageLocale(params);
  const query = await searchParams;
  const prefill = parseComplaintPrefill(query);
  const here = `${localePath(locale, "/requests/complaint/new")}${prefill.bodyId ? `?${new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => typeof e[1] === "string")).toString()}` : ""}`;
  const actor = await requirePageActor(locale, here, { roles: ["citizen"] });
  // Back from "check your answers": the answers (and files) of that draft are put back.
  const draft = await loadDraftForForm({ userId: actor.userId, key: typeof query.draft === "string" ? query.draft : undefined });
  const formQuery = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => typeof e[1] === "string" && e[0] !== "draft" && e[0] !== "s")).toString();
  const t = await getTranslations({ locale, namespace: "Complaint" });
  const r = await getTranslations({ locale, namespace: "Requests" });
  const sl = await getTranslations({ locale, namespace: "ServiceLevel" });
  const root = await rootTranslator(locale);
  const crumbs = (
    <>
      <Breadcrumbs label={root("MyFile.breadcrumbs")} items={[{ href: localePath(locale, "/requests"), text: r("title") }, { text: t("title") }]} />
      <LessonLink locale={locale} slug="file-a-complaint" />
      <ExplainThisPage locale={locale} step={prefill.bodyId ? "complaint.describe" : "complaint.body"} />
    </>
  );

  if (!prefill.bodyId) {
    // Sent without a choice (`s=body` and no body): the question again, with its error.
    const bodyError = query.s === "body" ? t("errors.bodyRequired") : undefined;
    return (
      <>
        {crumbs}
        <StepForm action={localePath(locale, "/requests/complaint/new")} className="max-w-2xl" errors={bodyError ? { body: bodyError } : {}}>
          <input type="hidden" name="s" value="body" />
          <Radios
            name="body"
            label={t("bodyQuestion")}
            hint={t("bodyHint")}
            legendAsHeading
            options={complaintBodyIds().map((id) => ({ value: id, label: bodyName(root, id) }))}
            defaultValue={typeof draft?.values.bodyId === "string" ? draft.values.bodyId : undefined}
          />
          {draft ? <input type="hidden" name="draft" value={draft.key} /> : null}
          <Submit>{r("continue")}</Submit>
        </StepForm>
      </>
    );
  }

  const bodyId = prefill.bodyId;
  const formPath = `${localePath(locale, "/requests/complaint/new")}${formQuery ? `?${formQuery}` : ""}`;
  const category = prefill.category ? findCategory(bodyId, prefill.category) : null;
  const hidden: Record<string, string> = { bodyId };
  if (prefill.serviceSlug) hidden.serviceSlug = prefill.serviceSlug;
  if (prefill.serviceVersion) hidden.serviceVersion = String(prefill.serviceVersion);
  if (prefill.reason) hidden.reason = prefill.reason;
  if (category) hidden.category = category.id;
  return (
    <>
      {crumbs}
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <dl className="mb-6 max-w-2xl border-s-4 border-brand ps-4">
        <dt className="font-semibold">{t("fields.bodyId")}</dt>
        <dd className="mb-2">
          {bodyName(root, bodyId)}{" "}
          <a href={localePath(locale, "/requests/complaint/new")} className="link ms-2">
            {r("change")}
            <span className="sr-only"> {t("fields.bodyId")}</span>
          </a>
        </dd>
        {prefill.serviceSlug ? (
          <>
            <dt className="font-semibold">{t("fields.serviceSlug")}</dt>
            <dd className="mb-2">{serviceName(root, prefill.serviceSlug)}</dd>
          </>
        ) : null}
        {category ? (
          <>
            <dt className="font-semibold">{t("fields.category")}</dt>
            <dd>{pick(category.name, locale)}</dd>
          </>
        ) : null}
      </dl>
      {prefill.reason ? <p className="mb-6 max-w-2xl">{t("documentNotListed")}</p> : null}
      {category ? <p className="mb-6 max-w-2xl text-muted">{sl("line", { body: bodyName(root, bodyId), kind: "complaint", days: category.serviceLevelDays })}</p> : null}
      <RequestForm kind="complaint" locale={locale} userId={actor.userId} formPath={formPath} titleField="description" draft={draft ? { ...draft, values: { ...draft.values, bodyId } } : null} hidden={hidden} attachments>
        {bodyId === GENERIC_MUNICIPALITY ? (
          <Select name="municipalityId" label={root("Municipalities.field")} hint={root("Municipalities.chooseHint")} placeholder="—" options={[]} groups={municipalityGroups(locale)} />
        ) : null}
        {category ? null : (
          <Radios
            name="category"
            label={t("categoryQuestion")}
            options={categoriesOf(bodyId).map((c) => ({
              value: c.id,
              label: pick(c.name, locale),
              hint: sl("line", { body: bodyName(root, bodyId), kind: "complaint", days: c.serviceLevelDays }),
            }))}
          />
        )}
        {prefill.reason ? <TextInput name="documentAskedFor" label={t("fields.documentAskedFor")} maxLength={200} /> : null}
        <TextArea name="description" label={t("fields.description")} hint={t("descriptionHint")} maxLength={5000} rows={8} />
        <Checkbox name="hideName" label={r("hideName")} hint={r("hideNameHint")} />
      </RequestForm>
    </>
  );
}
