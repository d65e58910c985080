import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { documentView } from "@/lib/content/view";
import { fixedFields, usedIds } from "@/lib/content/kinds";
import { localePath } from "@/lib/i18n/routing";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { DocumentForm } from "@/components/content/document-form";
import { documentTitle } from "@/components/content/labels";

export const generateMetadata = titled("ContentEditing.title");

/** Editing a document: from the published version, or from one's own draft (`?version=`). */
export default async function ContentEditPage({ params, searchParams }: PageProps<"/[locale]/staff/content/[kind]/[key]/edit">) {
  const locale = await pageLocale(params);
  const { kind, key } = await params;
  const base = localePath(locale, `/staff/content/${kind}/${key}`);
  const actor = await requirePageActor(locale, `${base}/edit`, { roles: ["admin", "official"] });
  const doc = await documentView(actor, kind, key);
  if (!doc) notFound();
  const asked = Number((await searchParams).version);
  const from = (Number.isInteger(asked) && doc.versions.find((v) => v.number === asked)) || doc.published || doc.versions[0]!;
  const t = await getTranslations({ locale, namespace: "ContentEditing" });
  const ui = await getTranslations({ locale, namespace: "Ui" });
  const title = documentTitle((doc.published ?? from).data, locale, t(`kindOne.${doc.kind}`));
  return (
    <>
      <Breadcrumbs
        label={ui("breadcrumbs")}
        items={[
          { href: localePath(locale, "/staff/content"), text: t("title") },
          { href: base, text: title },
          { text: t("edit") },
        ]}
      />
      <h1 className="mb-2 text-3xl font-bold">{t("editTitle", { document: title })}</h1>
      <p className="mb-2 max-w-3xl">{t("editLead")}</p>
      <p className="mb-8 text-muted">{t("editFrom", { number: from.number, status: t(`statuses.${from.status}`) })}</p>
      <DocumentForm locale={locale} kind={doc.kind} keyName={doc.key} from={from.number} data={from.data} fixed={fixedFields(doc.kind, from.data, usedIds(doc.kind, doc.versions))} />
    </>
  );
}
