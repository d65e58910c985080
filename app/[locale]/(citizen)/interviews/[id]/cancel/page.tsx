import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { formatDate } from "@/lib/i18n/format";
import { localePath } from "@/lib/i18n/routing";
import { viewBooking } from "@/lib/interviews/service";
import { ActionForm } from "@/components/interviews/action-form";
import { cancelAction } from "../../actions";
import { titled } from "@/lib/i18n/page-title";
import { pageLocale } from "@/lib/i18n/page-locale";

export const generateMetadata = titled("Booking.cancelTitle", { robots: { index: false } });

export default async function CancelPage({ params }: PageProps<"/[locale]/interviews/[id]/cancel">) {
  const locale = await pageLocale(params);
  const { id } = await params;
  const actor = await requirePageActor(locale, localePath(locale, `/interviews/${id}/cancel`));
  const view = await viewBooking({ actor, bookingId: id });
  if (!view || view.role !== "citizen") notFound();
  const t = await getTranslations({ locale, namespace: "Booking" });
  const ui = await getTranslations({ locale, namespace: "Ui" });
  const back = localePath(locale, `/interviews/${id}`);
  return (
    <div className="max-w-3xl">
      <Link href={back} className="link mb-4 inline-block">{t("back")}</Link>
      <h1 className="mb-2 text-3xl font-bold">{t("cancelTitle")}</h1>
      <p className="mb-6">{formatDate(view.booking.startsAt, locale, "dateLong")} — {formatDate(view.booking.startsAt, locale, "time")}</p>
      {view.canChange ? (
        <ActionForm
          action={cancelAction}
          errorTitle={t("errors.summaryTitle")}
          errorPrefix={ui("errorPrefix")}
          submit={t("cancelConfirm")}
          variant="warning"
          fields={[
            { kind: "hidden", name: "bookingId", value: id },
            { kind: "textarea", name: "reason", label: t("cancelReasonLabel"), hint: t("cancelReasonHint"), maxLength: 500 },
          ]}
        />
      ) : (
        <p className="border-s-4 border-warning ps-3">{view.booking.status === "confirmed" ? t("refusals.pastCutoff") : t("refusals.notActive")}</p>
      )}
    </div>
  );
}
