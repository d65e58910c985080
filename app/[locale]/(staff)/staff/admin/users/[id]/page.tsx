import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { localePath } from "@/lib/i18n/routing";
import { formatPhoneLocal } from "@/lib/i18n/format";
import { requirePageActor } from "@/lib/auth/session";
import { readStaffAccount } from "@/lib/auth/staff-view";
import { updateStaffAccountAction } from "@/lib/auth/staff-actions";
import { Form } from "@/components/forms/form";
import { Checkboxes, Radios, Select, Submit, TextInput } from "@/components/forms/fields";
import { bodyOptions, municipalityGroups } from "@/components/cases/labels";
import { listHouses } from "@/lib/houses/houses";
import { localized } from "@/lib/i18n/content";
import { Ltr, UserText } from "@/components/ui/user-text";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";

export const generateMetadata = titled("AdminUsers.editTitle");

/** Administrators change an account's role, body, house, level and interpreter flag (audited, field by field). */
export default async function EditStaffAccountPage({ params }: PageProps<"/[locale]/staff/admin/users/[id]">) {
  const locale = await pageLocale(params);
  const { id } = await params;
  const actor = await requirePageActor(locale, localePath(locale, `/staff/admin/users/${encodeURIComponent(id)}`), { roles: ["admin"] });
  const account = await readStaffAccount(actor, id);
  if (!account || account.role === "citizen") notFound();
  const bodies = bodyOptions(locale);
  const houses = listHouses().map((h) => ({ value: h.slug, label: localized(h.name, locale) }));
  const t = await getTranslations({ locale, namespace: "AdminUsers" });
  const roles = await getTranslations({ locale, namespace: "Account.roles" });
  return (
    <>
      <p className="mb-4">
        <a className="link inline-flex min-h-11 items-center" href={localePath(locale, "/staff/admin/users")}>
          {t("back")}
        </a>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{t("editTitle")}</h1>
      <p className="mb-2 text-xl">
        {account.name ? <UserText>{account.name}</UserText> : null} · <Ltr nowrap>{formatPhoneLocal(account.phone)}</Ltr>
      </p>
      <p className="mb-8 max-w-3xl">{t("editLead")}</p>
      <Form action={updateStaffAccountAction} schema="staff-account-change" hidden={{ userId: account.id }} errors={["AdminUsers", "Welcome", "Municipalities"]} success={t("saved")} className="max-w-2xl">
        <TextInput name="name" label={t("nameLabel")} maxLength={200} defaultValue={account.name ?? ""} />
        <Radios name="role" label={t("roleLegend")} defaultValue={account.role} options={(["volunteer", "agent", "official", "admin"] as const).map((r) => ({ value: r, label: roles(r) }))} />
        <Select name="bodyId" options={bodies} groups={municipalityGroups(locale)} placeholder="—" label={t("bodyLabel")} hint={t("bodyHint")} defaultValue={account.bodyId ?? ""} />
        <Select name="houseId" options={houses} placeholder="—" label={t("houseLabel")} hint={t("houseHint")} defaultValue={account.houseId ?? ""} />
        <Radios
          name="officialLevel"
          label={t("levelLegend")}
          hint={t("levelHint")}
          defaultValue={account.officialLevel ?? undefined}
          options={[
            { value: "regional", label: t("levels.regional") },
            { value: "central", label: t("levels.central") },
          ]}
        />
        <Checkboxes name="interpreter" label={t("interpreterLegend")} defaultValue={account.interpreter ? ["on"] : []} options={[{ value: "on", label: t("interpreterLabel") }]} />
        <Submit>{t("save")}</Submit>
      </Form>
    </>
  );
}
