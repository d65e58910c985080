import { getTranslations } from "next-intl/server";
import { startWalkInAction } from "@/lib/assisted/actions";
import { requirePageActor } from "@/lib/auth/session";
import { localePath } from "@/lib/i18n/routing";
import { ActionForm } from "@/components/requests/action-form";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { titled } from "@/lib/i18n/page-title";
import { pageLocale } from "@/lib/i18n/page-locale";

export const dynamic = "force-dynamic";
export const generateMetadata = titled("WalkIn.title", { robots: { index: false, follow: false } });

/** Walk-in filing, step 1: the citizen's phone; a code goes to it. */
export default async function WalkInStartPage({ params }: PageProps<"/[locale]/staff/walk-in">) {
  const locale = await pageLocale(params);
  await requirePageActor(locale, localePath(locale, "/staff/walk-in"), { roles: ["agent"] });
  const t = await getTranslations({ locale, namespace: "WalkIn" });
  const q = await getTranslations({ locale, namespace: "StaffQueue" });
  const e = await getTranslations({ locale, namespace: "Errors" });
  const r = await getTranslations({ locale, namespace: "Requests" });
  return (
    <>
      <Breadcrumbs label={t("breadcrumbs")} items={[{ href: localePath(locale, "/staff"), text: q("title") }, { text: t("title") }]} />
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6 max-w-2xl text-lg">{t("lead")}</p>
      <div className="max-w-xl">
        <ActionForm
          action={startWalkInAction}
          id="walk-in"
          hidden={{}}
          fields={[{ type: "tel", name: "phone", label: t("phoneLabel"), hint: t("phoneHint") }]}
          submit={t("sendCode")}
          errorTitle={e("summaryTitle")}
          errorPrefix={r("errorPrefix")}
          variant="primary"
        />
      </div>
    </>
  );
}
