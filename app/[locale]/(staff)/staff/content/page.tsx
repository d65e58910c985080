import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { contentHome } from "@/lib/content/view";
import { contentKinds } from "@/lib/content/kinds";
import { formatDate } from "@/lib/i18n/format";
import { localePath } from "@/lib/i18n/routing";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";
import { ScrollTable } from "@/components/ui/scroll-table";
import { UserText } from "@/components/ui/user-text";
import { documentTitle } from "@/components/content/labels";

export const generateMetadata = titled("ContentEditing.title");

/** Content editors: the drafts waiting for them, and the documents they may edit (docs/adr/0023). */
export default async function ContentPage({ params }: PageProps<"/[locale]/staff/content">) {
  const locale = await pageLocale(params);
  const actor = await requirePageActor(locale, localePath(locale, "/staff/content"), { roles: ["admin", "official"] });
  const { editor, documents, queue } = await contentHome(actor);
  const t = await getTranslations({ locale, namespace: "ContentEditing" });
  const isEditor = editor.role === "admin" || editor.contentEditor;
  const docHref = (kind: string, key: string) => localePath(locale, `/staff/content/${kind}/${key}`);
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-8 max-w-3xl">{t("lead")}</p>
      {!isEditor ? (
        <p className="max-w-2xl border-s-4 border-warning ps-4">{t("notEditor")}</p>
      ) : (
        <>
          {/* The sections are not regions themselves: each table is the region its heading names (one landmark per name). */}
          <section className="mb-10">
            <h2 id="queue-heading" className="mb-4 text-2xl font-bold">
              {t("queueHeading")}
            </h2>
            {queue.length === 0 ? (
              <p>{t("queueEmpty")}</p>
            ) : (
              <ScrollTable labelledBy="queue-heading" columns={[t("columns.document"), t("columns.version"), t("columns.author"), t("columns.saved")]}>
                {queue.map((d) => (
                  <tr key={`${d.kind}:${d.key}:${d.number}`} className="border-b border-line align-top">
                    <th scope="row" className="p-2 text-start font-normal">
                      <Link prefetch={false} className="link" href={`${docHref(d.kind, d.key)}/versions/${d.number}`}>
                        {t("review")}: {documentTitle(d.data, locale, t(`kindOne.${d.kind}`))}
                      </Link>
                    </th>
                    <td className="p-2">{d.number}</td>
                    <td className="p-2">{d.authorName ? <UserText>{d.authorName}</UserText> : "—"}</td>
                    <td className="p-2">{formatDate(d.createdAt, locale, "dateTime")}</td>
                  </tr>
                ))}
              </ScrollTable>
            )}
          </section>
          <h2 className="mb-4 text-2xl font-bold">{t("documentsHeading")}</h2>
          {contentKinds.map((kind) => {
            const docs = documents.filter((d) => d.kind === kind);
            if (docs.length === 0) return null;
            return (
              <section key={kind} className="mb-10">
                <h3 id={`kind-${kind}`} className="mb-3 text-xl font-bold">
                  {t(`kinds.${kind}`)}
                </h3>
                <ScrollTable labelledBy={`kind-${kind}`} columns={[t("columns.document"), t("columns.published"), ...(kind === "service" ? [t("columns.checkedOn")] : []), t("columns.drafts")]}>
                  {docs.map((d) => {
                    const checked = (d.published?.version as { checkedOn?: string } | undefined)?.checkedOn;
                    return (
                      <tr key={d.key} className="border-b border-line align-top">
                        <th scope="row" className="p-2 text-start font-normal">
                          <Link prefetch={false} className="link" href={docHref(d.kind, d.key)}>
                            {d.published ? documentTitle(d.published, locale, t(`kindOne.${d.kind}`)) : d.key}
                          </Link>
                        </th>
                        <td className="p-2">{d.publishedNumber ?? "—"}</td>
                        {kind === "service" ? <td className="p-2">{checked ? formatDate(`${checked}T12:00:00Z`, locale) : "—"}</td> : null}
                        <td className="p-2">{d.drafts}</td>
                      </tr>
                    );
                  })}
                </ScrollTable>
              </section>
            );
          })}
        </>
      )}
    </>
  );
}
