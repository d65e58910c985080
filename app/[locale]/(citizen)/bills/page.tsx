import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { myBills } from "@/lib/bills/service";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import { localePath } from "@/lib/i18n/routing";
import { heldItems } from "@/lib/payments/queries";
import { paymentsWithBillers } from "@/app/_payments/wiring";
import { LinkButton } from "@/components/ui/button";
import { NotificationBanner } from "@/components/ui/notification-banner";
import { StatusTag } from "@/components/ui/status-tag";
import { Form } from "@/components/forms/form";
import { Checkboxes, Submit } from "@/components/forms/fields";
import { billTone, isBillerKey } from "@/components/payments/labels";
import { chooseBillsAction } from "../pay/actions";
import { removeContractAction } from "./actions";
import { UserText } from "@/components/ui/user-text";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";

// Personal: rendered for each request, never prerendered or cached.
export const dynamic = "force-dynamic";

export const generateMetadata = titled("Bills.title");

/** "My bills": every unpaid bill of the saved contracts in one list by due date, then each contract's bills. */
export default async function MyBillsPage({ params, searchParams }: PageProps<"/[locale]/bills">) {
  const locale = await pageLocale(params);
  const actor = await requirePageActor(locale, localePath(locale, "/bills"), { roles: ["citizen"] });
  const sp = await searchParams;
  const t = await getTranslations({ locale, namespace: "Bills" });
  const tp = await getTranslations({ locale, namespace: "Pay" });
  const tu = await getTranslations({ locale, namespace: "Ui" });
  const [contracts, held] = await Promise.all([myBills({ userId: actor.userId }), paymentsWithBillers().then((deps) => heldItems({ deps, userId: actor.userId }))]);
  const name = (b: string) => (isBillerKey(b) ? t(`billers.${b}.short`) : b);
  const day = (d: string) => formatDate(`${d}T12:00:00Z`, locale);

  // One list across bodies, the nearest due date first (overdue ones on top), whatever contract they belong to.
  const payable = contracts
    .flatMap((c) => c.bills.filter((b) => b.status !== "paid" && !held.has(`${b.biller}:${b.reference}`)).map((b) => ({ contract: c.contract, bill: b })))
    .sort((a, b) => a.bill.dueDate.localeCompare(b.bill.dueDate) || a.bill.reference.localeCompare(b.bill.reference));

  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6 max-w-3xl text-lg">{t("lead")}</p>
      {sp.saved ? (
        <NotificationBanner title={tu("success")} tone="success">
          <p>{t("add.saved")}</p>
        </NotificationBanner>
      ) : null}
      {sp.removed ? (
        <NotificationBanner title={tu("success")} tone="success">
          <p>{t("removed")}</p>
        </NotificationBanner>
      ) : null}

      {contracts.length === 0 ? (
        <section className="mb-8">
          <h2 className="mb-2 text-2xl font-bold">{t("emptyTitle")}</h2>
          <p className="mb-4">{t("emptyText")}</p>
        </section>
      ) : (
        <>
          {payable.length > 0 ? (
            <Form action={chooseBillsAction} schema="bills-choose" id="pay" errors={["Pay"]} className="mb-10">
              <Checkboxes
                name="bills"
                label={t("payLegend")}
                options={payable.map(({ contract, bill }) => ({
                  value: `${bill.biller}:${contract.contractReference}:${bill.reference}`,
                  label: t("billOption", { biller: name(bill.biller), reference: bill.reference, amount: formatMoney(bill.amountMillimes, locale), date: day(bill.dueDate) }),
                  hint: `${contract.label}${bill.status === "overdue" ? ` · ${t("status.overdue")}` : ""}`,
                }))}
              />
              <Submit>{t("paySelected")}</Submit>
            </Form>
          ) : null}

          {contracts.map(({ contract, bills, problem }) => (
            <section key={contract.id} aria-labelledby={`c-${contract.id}`} className="mb-8 border-2 border-line p-4">
              <h2 id={`c-${contract.id}`} className="text-xl font-bold">
                {name(contract.billerId)} — <UserText>{contract.label}</UserText>
              </h2>
              <p className="mb-3 text-muted">
                <bdi>{t("contractRef", { reference: contract.contractReference })}</bdi>
              </p>
              {problem === "unavailable" ? <p className="mb-3 font-semibold text-warning">{t("unavailable", { biller: name(contract.billerId) })}</p> : null}
              {problem === "notFound" ? <p className="mb-3 font-semibold text-danger">{t("contractGone", { biller: name(contract.billerId) })}</p> : null}
              {!problem && bills.every((b) => b.status === "paid") ? <p className="mb-3">{t("noUnpaid")}</p> : null}
              {bills.length > 0 ? (
                <ul className="mb-3 flex flex-col divide-y-2 divide-line">
                  {bills.map((b) => {
                    const h = held.get(`${b.biller}:${b.reference}`);
                    const status = h ? (h.state === "paid" ? "paidHere" : "inProgress") : b.status;
                    return (
                      <li key={b.reference} className="flex flex-wrap items-center justify-between gap-2 py-2">
                        <span>
                          <bdi className="font-semibold">{t("bill", { reference: b.reference })}</bdi>
                          <span className="ms-3">{formatMoney(b.amountMillimes, locale)}</span>
                        </span>
                        <span className="text-sm">
                          {t("due")}: {day(b.dueDate)}
                        </span>
                        <StatusTag tone={billTone[status]}>{t(`status.${status}`)}</StatusTag>
                      </li>
                    );
                  })}
                </ul>
              ) : null}
              <Form action={removeContractAction} id={`remove-${contract.id}`} hidden={{ contractId: contract.id }}>
                <Submit variant="quiet">{t("remove", { reference: contract.contractReference })}</Submit>
              </Form>
            </section>
          ))}
        </>
      )}
      <div className="flex flex-wrap gap-4">
        <LinkButton href={localePath(locale, "/bills/add")} variant="secondary">
          {t("addLink")}
        </LinkButton>
        <LinkButton href={localePath(locale, "/pay/find")} variant="quiet">
          {tp("findCard.title")}
        </LinkButton>
      </div>
    </>
  );
}
