import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { setReviewAction } from "@/lib/content/actions";
import { publicPathOf } from "@/lib/content/kinds";
import { documentView } from "@/lib/content/view";
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
import { documentTitle } from "@/components/content/labels";

export const generateMetadata = titled("ContentEditing.title");

/** One document: its versions (who, when, what), editing it, and (admins) whether its body asks for review. */
export default async function ContentDocumentPage({ params, searchParams }: PageProps<"/[locale]/staff/content/[kind]/[key]">) {
  const locale = await pageLocale(params);
  const { kind, key } = await params;
  const here = localePath(locale, `/staff/content/${kind}/${key}`);
  const actor = await requirePageActor(locale, here, { roles: ["admin", "official"] });
  const doc = await documentView(actor, kind, key);
  if (!doc) notFound();
  const outcome = (await searchParams).outcome;
  const t = await getTranslations({ locale, namespace: "ContentEditing" });
  const ui = await getTranslations({ locale, namespace: "Ui" });
  const latest = doc.versions[0]!;
  const title = documentTitle((doc.published ?? latest).data, locale, t(`kindOne.${doc.kind}`));
  // An editor goes on with their own draft rather than starting another.
  const ownDraft = doc.versions.find((v) => v.status === "draft" && v.authorId === doc.editor.userId);
  return (
    <>
      <Breadcrumbs label={ui("breadcrumbs")} items={[{ href: localePath(locale, "/staff/content"), text: t("title") }, { text: title }]} />
      <h1 className="mb-2 text-3xl font-bold">{title}</h1>
      <p className="mb-6">{t("documentLead", { kind: t(`kindOne.${doc.kind}`), number: doc.published?.number ?? "—" })}</p>
      {outcome === "discarded" ? (
        <NotificationBanner title={ui("success")} tone="success">
          <p>{t("outcomes.discarded")}</p>
        </NotificationBanner>
      ) : null}
      <p className="mb-8 flex flex-wrap gap-3">
        <LinkButton href={`${here}/edit${ownDraft ? `?version=${ownDraft.number}` : ""}`}>{ownDraft ? t("editDraft") : t("edit")}</LinkButton>
        <LinkButton variant="secondary" href={localePath(locale, publicPathOf(doc.kind, doc.key))}>
          {t("viewPublic")}
        </LinkButton>
      </p>

      {/* Not a region itself: the table is the region this heading names. */}
      <section className="mb-10">
        <h2 id="versions-heading" className="mb-4 text-2xl font-bold">
          {t("versionsHeading")}
        </h2>
        <ScrollTable labelledBy="versions-heading" columns={[t("columns.version"), t("columns.status"), t("columns.author"), t("columns.saved"), t("columns.publishedBy"), t("columns.note")]}>
          {doc.versions.map((v) => (
            <tr key={v.number} className="border-b border-line align-top">
              <th scope="row" className="p-2 text-start font-normal">
                <Link prefetch={false} className="link" href={`${here}/versions/${v.number}`}>
                  {t("versionTitle", { number: v.number })}
                </Link>
              </th>
              <td className="p-2">{t(`statuses.${v.status}`)}</td>
              <td className="p-2">{v.authorId ? <UserText>{v.authorName ?? "—"}</UserText> : t("seedAuthor")}</td>
              <td className="p-2">{formatDate(v.createdAt, locale, "dateTime")}</td>
              <td className="p-2">
                {v.publishedAt ? (
                  <>
                    {v.publishedByName ? <UserText>{v.publishedByName}</UserText> : t("seedAuthor")} · {formatDate(v.publishedAt, locale, "dateTime")}
                  </>
                ) : (
                  "—"
                )}
              </td>
              <td className="p-2">
                {v.restoredFrom ? t("restoredFrom", { number: v.restoredFrom }) : null} {v.note && v.note !== "seed" ? <UserText>{v.note}</UserText> : null}
              </td>
            </tr>
          ))}
        </ScrollTable>
      </section>

      <section aria-labelledby="review-heading" className="max-w-2xl">
        <h2 id="review-heading" className="mb-2 text-2xl font-bold">
          {t("reviewHeading")}
        </h2>
        <p className="mb-4">{doc.reviewRequired ? t("reviewOn") : t("reviewOff")}</p>
        {doc.editor.role === "admin" && doc.ownerBody ? (
          <Form action={setReviewAction} id="review" hidden={{ body: doc.ownerBody, on: doc.reviewRequired ? "false" : "true" }} success={t("reviewSaved")}>
            <Submit variant="secondary">{doc.reviewRequired ? t("reviewTurnOff") : t("reviewTurnOn")}</Submit>
          </Form>
        ) : null}
      </section>
    </>
  );
}
