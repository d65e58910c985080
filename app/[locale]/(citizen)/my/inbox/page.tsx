import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { formatDate } from "@/lib/i18n/format";
import { localePath } from "@/lib/i18n/routing";
import { renderNotification } from "@/lib/notifications/render";
import { openInbox } from "@/lib/notifications/queries";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { StatusTag } from "@/components/ui/status-tag";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";

// Personal: rendered for each request, never prerendered or cached.
export const dynamic = "force-dynamic";

export const generateMetadata = titled("Inbox.title");

export default async function InboxPage({ params }: PageProps<"/[locale]/my/inbox">) {
  const locale = await pageLocale(params);
  const actor = await requirePageActor(locale, localePath(locale, "/my/inbox"));
  const t = await getTranslations({ locale, namespace: "Inbox" });
  const m = await getTranslations({ locale, namespace: "MyFile" });
  const items = await openInbox(actor);
  return (
    <>
      <Breadcrumbs label={m("breadcrumbs")} items={[{ href: localePath(locale, "/my"), text: m("title") }, { text: t("title") }]} />
      <h1 className="mb-2 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-4 max-w-2xl">{t("lead")}</p>
      <p className="mb-6">
        <Link className="link" href={localePath(locale, "/account/notifications")}>
          {t("settings")}
        </Link>
      </p>
      {items.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ul className="flex flex-col gap-3" aria-label={t("title")}>
          {items.map((n) => {
            const text = renderNotification({ type: n.type, data: n.data, locale });
            const unread = !n.readAt;
            return (
              <li key={n.id} className={`border-2 p-4 ${unread ? "border-ink bg-white" : "border-line"}`}>
                <h2 className="text-lg font-bold">
                  {unread ? (
                    <span className="me-2">
                      <StatusTag tone="blue">{t("new")}</StatusTag>
                    </span>
                  ) : null}
                  {n.link ? (
                    <Link className="link" href={localePath(locale, n.link)}>
                      {text.title}
                    </Link>
                  ) : (
                    text.title
                  )}
                </h2>
                <p>{text.body}</p>
                <p className="text-sm text-muted">
                  <time dateTime={n.createdAt.toISOString()}>{formatDate(n.createdAt, locale, "dateTime")}</time>
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
