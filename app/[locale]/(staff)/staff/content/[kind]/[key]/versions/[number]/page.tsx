import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { discardAction, publishAction, restoreAction } from "@/lib/content/actions";
import type { DiffValue } from "@/lib/content/diff";
import { versionView } from "@/lib/content/view";
import { service as serviceSchema } from "@/lib/catalogue/schema";
import { contentLocales } from "@/lib/i18n/content";
import { formatDate } from "@/lib/i18n/format";
import { localePath } from "@/lib/i18n/routing";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";
import { Form } from "@/components/forms/form";
import { Submit } from "@/components/forms/fields";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { LinkButton } from "@/components/ui/button";
import { NotificationBanner } from "@/components/ui/notification-banner";
import { ScrollTable } from "@/components/ui/scroll-table";
import { UserText } from "@/components/ui/user-text";
import { ServiceDetails } from "@/components/catalogue/service-details";
import { documentTitle, fieldLabeller } from "@/components/content/labels";

export const generateMetadata = titled("ContentEditing.title");

const LANG_DIR = { ar: "rtl", fr: "ltr", en: "ltr" } as const;

function Value({ value, lang }: { value: DiffValue | undefined; lang: (typeof contentLocales)[number] }) {
  if (!value) return null;
  if ("plain" in value) return lang === "ar" ? <UserText>{value.plain}</UserText> : null;
  const text = value.localized[lang];
  return text === undefined ? null : (
    <span lang={lang} dir={LANG_DIR[lang]}>
      {text}
    </span>
  );
}

/** One version: what changed (field by field, ar/fr/en side by side), a preview, and what may be done with it. */
export default async function ContentVersionPage({ params, searchParams }: PageProps<"/[locale]/staff/content/[kind]/[key]/versions/[number]">) {
  const locale = await pageLocale(params);
  const { kind, key, number } = await params;
  const base = localePath(locale, `/staff/content/${kind}/${key}`);
  const actor = await requirePageActor(locale, `${base}/versions/${number}`, { roles: ["admin", "official"] });
  const view = await versionView(actor, kind, key, Number(number));
  if (!view) notFound();
  const outcome = (await searchParams).outcome;
  const t = await getTranslations({ locale, namespace: "ContentEditing" });
  const ui = await getTranslations({ locale, namespace: "Ui" });
  const label = await fieldLabeller(locale);
  const v = view.version;
  const title = documentTitle((view.published ?? v).data, locale, t(`kindOne.${view.kind}`));
  const hidden = { kind: view.kind, key: view.key, number: String(v.number) };
  const preview = view.kind === "service" ? serviceSchema.safeParse(v.data) : null;
  return (
    <>
      <Breadcrumbs
        label={ui("breadcrumbs")}
        items={[
          { href: localePath(locale, "/staff/content"), text: t("title") },
          { href: base, text: title },
          { text: t("versionTitle", { number: v.number }) },
        ]}
      />
      <h1 className="mb-2 text-3xl font-bold">
        {title} — {t("versionTitle", { number: v.number })}
      </h1>
      {outcome === "saved" || outcome === "published" || outcome === "restored" ? (
        <NotificationBanner title={ui("success")} tone="success">
          <p>{t(`outcomes.${outcome}`)}</p>
        </NotificationBanner>
      ) : null}
      <dl className="mb-8 grid max-w-3xl grid-cols-[auto_1fr] gap-x-6 gap-y-1">
        <dt className="font-semibold">{t("columns.status")}</dt>
        <dd>{t(`statuses.${v.status}`)}</dd>
        <dt className="font-semibold">{t("columns.author")}</dt>
        <dd>
          {v.authorId ? <UserText>{v.authorName ?? "—"}</UserText> : t("seedAuthor")} · {formatDate(v.createdAt, locale, "dateTime")}
        </dd>
        {v.publishedAt ? (
          <>
            <dt className="font-semibold">{t("columns.publishedBy")}</dt>
            <dd>
              {v.publishedByName ? <UserText>{v.publishedByName}</UserText> : t("seedAuthor")} · {formatDate(v.publishedAt, locale, "dateTime")}
            </dd>
          </>
        ) : null}
        {v.note && v.note !== "seed" ? (
          <>
            <dt className="font-semibold">{t("columns.note")}</dt>
            <dd>
              <UserText>{v.note}</UserText>
            </dd>
          </>
        ) : null}
      </dl>
      {v.restoredFrom ? <p className="mb-4">{t("restoredFrom", { number: v.restoredFrom })}</p> : v.basedOn ? <p className="mb-4">{t("basedOn", { number: v.basedOn })}</p> : null}

      {view.missing.length > 0 ? (
        <NotificationBanner title={t("missingHeading")} tone="warning">
          <p className="mb-2">{t("missingLead")}</p>
          <ul className="list-disc ps-6">
            {view.missing.map((m) => (
              <li key={m.path.join(".")}>
                {label(m.path)}: {m.langs.map((l) => t(`languages.${l as "ar" | "fr" | "en"}`)).join(", ")}
              </li>
            ))}
          </ul>
        </NotificationBanner>
      ) : null}

      {/* Not a region itself: the table below is the region named by this heading (one landmark, not two of the same name). */}
      <section className="mb-10">
        <h2 id="diff-heading" className="mb-4 text-2xl font-bold">
          {view.against ? t("diffHeading", { number: view.against.number }) : t("diffFirst")}
        </h2>
        {view.against && view.diff.length === 0 ? <p>{t("diffNone", { number: view.against.number })}</p> : null}
        {view.diff.length > 0 ? (
          <ScrollTable labelledBy="diff-heading" columns={[t("columns.field"), t("columns.change"), ...contentLocales.map((l) => <span key={l} lang={l}>{t(`languages.${l}`)}</span>)]}>
            {view.diff.map((row) => (
              <tr key={`${row.change}:${row.path.join(".")}`} className="border-b border-line align-top">
                <th scope="row" className="p-2 text-start font-semibold">
                  {label(row.path)}
                </th>
                <td className="p-2">{t(`changes.${row.change}`)}</td>
                {contentLocales.map((l) => (
                  <td key={l} className="p-2">
                    {row.before ? (
                      <del className="block text-muted">
                        <span className="sr-only">{t("columns.before")}: </span>
                        <Value value={row.before} lang={l} />
                      </del>
                    ) : null}
                    {row.after ? (
                      <ins className="block no-underline">
                        <span className="sr-only">{t("columns.after")}: </span>
                        <Value value={row.after} lang={l} />
                      </ins>
                    ) : null}
                  </td>
                ))}
              </tr>
            ))}
          </ScrollTable>
        ) : null}
      </section>

      <section aria-labelledby="actions-heading" className="mb-10 max-w-2xl">
        <h2 id="actions-heading" className="sr-only">
          {t("columns.change")}
        </h2>
        {v.status === "draft" ? (
          <>
            {view.mayPublish ? (
              <Form action={publishAction} id="publish" hidden={hidden} errors={["ContentEditing"]}>
                <p className="mb-3">{t("publishHint")}</p>
                <Submit>{t("publish")}</Submit>
              </Form>
            ) : view.ownDraftRefused ? (
              <p className="mb-4 border-s-4 border-warning ps-4">{t("ownDraft")}</p>
            ) : null}
            <div className="mt-4 flex flex-wrap gap-3">
              {view.mayEditDraft ? (
                <LinkButton variant="secondary" href={`${base}/edit?version=${v.number}`}>
                  {t("editDraft")}
                </LinkButton>
              ) : null}
              <Form action={discardAction} id="discard" hidden={hidden}>
                <Submit variant="warning">{t("discard")}</Submit>
              </Form>
            </div>
          </>
        ) : view.mayRestore ? (
          <Form action={restoreAction} id="restore" hidden={hidden} errors={["ContentEditing"]}>
            <p className="mb-3">{t("restoreHint")}</p>
            <Submit variant="secondary">{t("restore")}</Submit>
          </Form>
        ) : null}
      </section>

      {preview?.success ? (
        <section aria-labelledby="preview-heading" className="border-4 border-line p-4">
          <h2 id="preview-heading" className="mb-2 text-2xl font-bold">
            {t("previewHeading")}
          </h2>
          <p className="mb-4 text-muted">{t("previewLead")}</p>
          <h3 className="mb-3 text-2xl font-bold">{documentTitle(v.data, locale, t(`kindOne.${view.kind}`))}</h3>
          <ServiceDetails locale={locale} service={preview.data} level={3} compact />
        </section>
      ) : null}
    </>
  );
}
