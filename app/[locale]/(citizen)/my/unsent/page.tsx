import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { localePath } from "@/lib/i18n/routing";
import { UnsentList } from "@/components/outbox/unsent-list";
import { FormMessages } from "@/components/forms/form-messages";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";

// Personal: rendered for each request, never prerendered or cached.
export const dynamic = "force-dynamic";

export const generateMetadata = titled("Outbox.unsentTitle");

export default async function UnsentPage({ params }: PageProps<"/[locale]/my/unsent">) {
  const locale = await pageLocale(params);
  const actor = await requirePageActor(locale, localePath(locale, "/my/unsent"), { roles: ["citizen"] });
  const t = await getTranslations({ locale, namespace: "Outbox" });
  const m = await getTranslations({ locale, namespace: "MyFile" });
  return (
    <>
      <Breadcrumbs label={m("breadcrumbs")} items={[{ href: localePath(locale, "/my"), text: m("title") }, { text: t("unsentTitle") }]} />
      <h1 className="mb-2 text-3xl font-bold">{t("unsentTitle")}</h1>
      <p className="mb-6 max-w-2xl">{t("unsentLead")}</p>
      <noscript>
        <p>{t("unavailable")}</p>
      </noscript>
      <FormMessages namespaces={["empty", "unavailable", "waiting", "refusedItem", "savedOn", "sendNow", "correct", "remove", "removeConfirm", "untitled"].map((k) => `Outbox.${k}`)}>
        <UnsentList userId={actor.userId} />
      </FormMessages>
    </>
  );
}
