import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { getKind } from "@/lib/cases/kinds";
import { placeNames } from "@/lib/cases/kinds/municipal-report/places";
import { formatDate, formatPhoneLocal } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/content";
import { localePath } from "@/lib/i18n/routing";
import { getHouse } from "@/lib/houses/houses";
import { placeAccountAction, placeCaseAction } from "@/lib/municipalities/actions";
import { municipalityForPlace } from "@/lib/municipalities/municipalities";
import { loadUnplaced } from "@/lib/municipalities/queries";
import { municipalityGroups, rootTranslator, translateKey } from "@/components/cases/labels";
import { Form } from "@/components/forms/form";
import { Select, Submit } from "@/components/forms/fields";
import { NotificationBanner } from "@/components/ui/notification-banner";
import { ScrollTable } from "@/components/ui/scroll-table";
import { Ltr, UserText } from "@/components/ui/user-text";
import { autoRun } from "@/lib/i18n/bidi";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";

export const generateMetadata = titled("Municipalities.admin.title");

/**
 * Administrators: what is still on "the municipality" in general — cases whose place did not say
 * which town (the 0018 migration placed the others), accounts of municipal staff without a town —
 * each with a select of the municipalities and a button. Every move is audited; a case's is
 * written in its timeline.
 */
export default async function PlaceInMunicipalityPage({ params, searchParams }: PageProps<"/[locale]/staff/admin/municipalities">) {
  const locale = await pageLocale(params);
  const actor = await requirePageActor(locale, localePath(locale, "/staff/admin/municipalities"), { roles: ["admin"] });
  const done = (await searchParams).done;
  const unplaced = await loadUnplaced(actor);
  const t = await getTranslations({ locale, namespace: "Municipalities.admin" });
  const roles = await getTranslations({ locale, namespace: "Account.roles" });
  const ui = await getTranslations({ locale, namespace: "Ui" });
  const root = await rootTranslator(locale);
  const groups = municipalityGroups(locale);

  // What the case said of its place, and the towns it could be in (offered first).
  const placeOf = (payload: Record<string, unknown>, houseId: string | null) => {
    const names = typeof payload.governorate === "string" && typeof payload.delegation === "string" ? placeNames(payload.governorate, payload.delegation) : null;
    if (names) return `${localized(names.delegation, locale)} (${localized(names.governorate, locale)})`;
    const house = houseId ? getHouse(houseId) : undefined;
    return house ? localized(house.name, locale) : "—";
  };
  const suggested = (payload: Record<string, unknown>) => {
    if (typeof payload.delegation !== "string") return undefined;
    const r = municipalityForPlace({ governorateId: typeof payload.governorate === "string" ? payload.governorate : null, delegationId: payload.delegation });
    return r.kind === "one" ? r.id : r.candidates.length === 1 ? r.candidates[0] : undefined;
  };

  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-8 max-w-3xl">{t("lead")}</p>
      {done === "case" || done === "account" ? (
        <NotificationBanner title={ui("success")} tone="success">
          <p>{done === "case" ? t("moved") : t("given")}</p>
        </NotificationBanner>
      ) : null}
      <section aria-labelledby="cases-heading" className="mb-12">
        <h2 id="cases-heading" className="mb-4 text-2xl font-bold">
          {t("casesHeading")} ({unplaced.totalCases})
        </h2>
        {unplaced.cases.length === 0 ? (
          <p>{t("casesNone")}</p>
        ) : (
          <ScrollTable labelledBy="cases-heading" columns={[t("columns.reference"), t("columns.kind"), t("columns.submitted"), t("columns.place"), t("columns.choose")]}>
            {unplaced.cases.map((c) => {
              const kind = getKind(c.kind);
              return (
                <tr key={c.id} className="border-b border-line align-top">
                  <th scope="row" className="p-2 text-start font-normal">
                    <Ltr nowrap>{c.reference}</Ltr>
                  </th>
                  <td className="p-2">{kind ? translateKey(root, kind.messages.name) : c.kind}</td>
                  <td className="p-2 whitespace-nowrap">{formatDate(c.submittedAt, locale, "date")}</td>
                  <td className="p-2">
                    <bdi dir="auto">{placeOf(c.payload, c.houseId)}</bdi>
                  </td>
                  <td className="p-2">
                    <Form action={placeCaseAction} schema="municipality-place-case" id={`case-${c.reference}`} errors={["Municipalities"]} hidden={{ reference: c.reference }}>
                      <Select name="municipalityId" label={t("moveTo", { reference: c.reference })} placeholder="—" options={[]} groups={groups} defaultValue={suggested(c.payload)} />
                      <Submit variant="secondary">{t("move")}</Submit>
                    </Form>
                  </td>
                </tr>
              );
            })}
          </ScrollTable>
        )}
      </section>
      <section aria-labelledby="accounts-heading" className="mb-12">
        <h2 id="accounts-heading" className="mb-4 text-2xl font-bold">
          {t("accountsHeading")} ({unplaced.accounts.length})
        </h2>
        {unplaced.accounts.length === 0 ? (
          <p>{t("accountsNone")}</p>
        ) : (
          <ScrollTable labelledBy="accounts-heading" columns={[t("columns.account"), t("columns.role"), t("columns.choose")]}>
            {unplaced.accounts.map((a) => {
              const who = autoRun(a.name ?? formatPhoneLocal(a.phone));
              return (
                <tr key={a.id} className="border-b border-line align-top">
                  <th scope="row" className="p-2 text-start font-normal">
                    <UserText>{who}</UserText>
                    <br />
                    <Ltr nowrap>{formatPhoneLocal(a.phone)}</Ltr>
                  </th>
                  <td className="p-2">{roles(a.role)}</td>
                  <td className="p-2">
                    <Form action={placeAccountAction} schema="municipality-place-account" id={`account-${a.id}`} errors={["Municipalities"]} hidden={{ userId: a.id }}>
                      <Select name="municipalityId" label={t("giveTo", { name: who })} placeholder="—" options={[]} groups={groups} />
                      <Submit variant="secondary">{t("give")}</Submit>
                    </Form>
                  </td>
                </tr>
              );
            })}
          </ScrollTable>
        )}
      </section>
    </>
  );
}
