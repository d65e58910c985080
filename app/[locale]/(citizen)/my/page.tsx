import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { loadMyFile } from "@/lib/cases/queries";
import { formatDate } from "@/lib/i18n/format";
import { localePath } from "@/lib/i18n/routing";
import { DeadlineNote } from "@/components/cases/deadline-note";
import { rootTranslator, translateKey } from "@/components/cases/labels";
import { LinkButton } from "@/components/ui/button";
import { StatusTag } from "@/components/ui/status-tag";
import { myFileSources } from "./sources";
import { Ltr, UserText } from "@/components/ui/user-text";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";
import { loadCitizenSessions } from "@/lib/assisted/volunteer-view";
import { GuidanceSessions } from "@/components/assisted/guidance-sessions";

// Personal: rendered for each request, never prerendered or cached.
export const dynamic = "force-dynamic";

export const generateMetadata = titled("MyFile.title");

export default async function MyFilePage({ params }: PageProps<"/[locale]/my">) {
  const locale = await pageLocale(params);
  const actor = await requirePageActor(locale, localePath(locale, "/my"), { roles: ["citizen"] });
  const t = await getTranslations({ locale, namespace: "MyFile" });
  const root = await rootTranslator(locale);
  const { items, failed } = await loadMyFile({ actor, sources: myFileSources });
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6 max-w-2xl text-lg">{t("lead")}</p>
      <div className="mb-8 flex flex-wrap gap-4">
        <LinkButton href={localePath(locale, "/questions/new")}>{t("askQuestion")}</LinkButton>
        <LinkButton variant="secondary" href={localePath(locale, "/my/inbox")}>
          {t("inbox")}
        </LinkButton>
        <LinkButton variant="secondary" href={localePath(locale, "/my/unsent")}>
          {t("unsent")}
        </LinkButton>
      </div>
      <GuidanceSessions locale={locale} sessions={await loadCitizenSessions(actor)} />
      {failed.length ? <p className="mb-4 border-s-4 border-danger ps-3">{t("partial")}</p> : null}
      <h2 className="mb-4 text-2xl font-bold">{t("listHeading")}</h2>
      {items.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ul className="flex flex-col gap-4" aria-label={t("listHeading")}>
          {items.map((item) => (
            <li key={item.key} className="border-2 border-line bg-white p-4">
              <p className="text-sm text-muted">{translateKey(root, item.kindKey)}</p>
              <h3 className="text-lg font-bold">
                <Link className="link" href={localePath(locale, item.href)}>
                  {item.titleParts?.length ? (
                    item.titleParts.map((p, i) => (
                      <span key={i}>
                        {i > 0 ? " + " : null}
                        {translateKey(root, p.labelKey)} <Ltr nowrap>{p.value}</Ltr>
                      </span>
                    ))
                  ) : item.title ? (
                    <UserText>{item.title}</UserText>
                  ) : (
                    translateKey(root, item.kindKey)
                  )}
                </Link>
              </h3>
              <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_minmax(0,1fr)]">
                {item.reference ? (
                  <>
                    <dt className="font-semibold">{t("reference")}</dt>
                    <dd>
                      <Ltr nowrap className="font-mono">
                        {item.reference}
                      </Ltr>
                    </dd>
                  </>
                ) : null}
                <dt className="font-semibold">{t("status")}</dt>
                <dd>
                  <StatusTag tone={item.tone}>{translateKey(root, item.statusKey)}</StatusTag>
                </dd>
                <dt className="font-semibold">{translateKey(root, item.dateKey ?? "MyFile.sentOn")}</dt>
                <dd>
                  <time dateTime={item.date.toISOString()}>{formatDate(item.date, locale, "date")}</time>
                </dd>
                {item.open && item.deadline && item.dueAt ? (
                  <>
                    <dt className="font-semibold">{t("deadline")}</dt>
                    <dd>
                      <DeadlineNote t={root} locale={locale} status={item.deadline} dueAt={item.dueAt} />
                    </dd>
                  </>
                ) : null}
              </dl>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
