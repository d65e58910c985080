import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { isLocale, localePath } from "@/lib/i18n/routing";
import { formatDate, formatPhone } from "@/lib/i18n/format";
import { listSmsOutbox, smsOutboxVisible } from "@/lib/notifications/sms";
import { normalisePhone } from "@/lib/auth/phone";
import { Button } from "@/components/ui/button";
import { ScrollTable } from "@/components/ui/scroll-table";
import { pageLocale } from "@/lib/i18n/page-locale";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[locale]/dev/sms">): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale) || !smsOutboxVisible()) return {};
  const t = await getTranslations({ locale, namespace: "DevSms" });
  return { title: t("title"), robots: { index: false } };
}

/**
 * The SMS outbox of demonstration mode and development: what would have been sent, newest first.
 * Exists only with the outbox driver, in DEMO_MODE or under `next dev` (404 otherwise). Tests read codes here (rows carry data-to and
 * data-ref).
 */
export default async function DevSmsPage({ params, searchParams }: PageProps<"/[locale]/dev/sms">) {
  const locale = await pageLocale(params);
  if (!smsOutboxVisible()) notFound();
  const query = await searchParams;
  const raw = typeof query.to === "string" ? query.to : "";
  const parsed = raw ? normalisePhone(raw) : null;
  const to = parsed?.ok ? parsed.e164 : undefined;
  const messages = await listSmsOutbox({ to, limit: 50 });
  const t = await getTranslations({ locale, namespace: "DevSms" });
  const self = localePath(locale, "/dev/sms");
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6 max-w-2xl">{t("lead")}</p>
      <form method="get" action={self} className="mb-6 flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="to" className="font-semibold">
            {t("filterLabel")}
          </label>
          <input id="to" name="to" type="tel" dir="ltr" defaultValue={raw} className="min-h-11 w-56 border-2 border-ink px-2 text-start" />
        </div>
        <Button variant="secondary">{t("filter")}</Button>
        <Link href={to ? `${self}?to=${encodeURIComponent(to)}` : self} className="inline-flex min-h-11 items-center px-2 text-link underline">
          {t("refresh")}
        </Link>
        {to ? (
          <Link href={self} className="inline-flex min-h-11 items-center px-2 text-link underline">
            {t("showAll")}
          </Link>
        ) : null}
      </form>
      {messages.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ScrollTable labelledBy="sms-caption" caption={t("caption")} columns={[t("time"), t("to"), t("text")]}>
          {messages.map((m) => (
            <tr key={m.id} data-testid="sms" data-to={m.to} data-ref={m.ref ?? ""} className="border-b border-line align-top">
              <td className="p-2 whitespace-nowrap">{formatDate(m.createdAt, locale, "dateTime")}</td>
              <td className="p-2 whitespace-nowrap">
                <bdi dir="ltr">{formatPhone(m.to)}</bdi>
              </td>
              <td className="p-2" dir="auto" data-testid="sms-text">
                {m.text}
              </td>
            </tr>
          ))}
        </ScrollTable>
      )}
    </>
  );
}
