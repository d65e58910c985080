import { getTranslations } from "next-intl/server";
import { localePath } from "@/lib/i18n/routing";
import { formatPhoneLocal } from "@/lib/i18n/format";
import { requirePageActor } from "@/lib/auth/session";
import { listStaff } from "@/lib/auth/staff-view";
import { createStaffAccountAction, setAccountDisabledFromList } from "@/lib/auth/staff-actions";
import { StaffAccountForm } from "@/components/auth/staff-account-form";
import { FormMessages } from "@/components/forms/form-messages";
import { Checkboxes, Radios, Select, Submit, TextInput } from "@/components/forms/fields";
import { languageOptions } from "@/components/auth/languages";
import { bodyName, bodyOptions, municipalityGroups, rootTranslator } from "@/components/cases/labels";
import { listHouses } from "@/lib/houses/houses";
import { localized } from "@/lib/i18n/content";
import { Ltr, UserText } from "@/components/ui/user-text";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";
import { ScrollTable } from "@/components/ui/scroll-table";
import { EditorRightToggle } from "@/components/content/editor-right-toggle";
import { contentEditorIds } from "@/lib/content/view";
import { OutcomeBanner } from "@/components/ui/outcome-banner";

export const generateMetadata = titled("AdminUsers.title");

/** Administrators: the staff and volunteer accounts, and creating one. */
export default async function AdminUsersPage({ params, searchParams }: PageProps<"/[locale]/staff/admin/users">) {
  const locale = await pageLocale(params);
  const actor = await requirePageActor(locale, localePath(locale, "/staff/admin/users"), { roles: ["admin"] });
  const outcome = (await searchParams).outcome;
  const accounts = await listStaff();
  const editors = await contentEditorIds();
  // Municipal staff work for one town's municipality (lib/municipalities), not "the municipality" in general.
  const bodies = bodyOptions(locale);
  const houses = listHouses().map((h) => ({ value: h.slug, label: localized(h.name, locale) }));
  const nameOf = (options: { value: string; label: string }[], id: string | null) => (id ? (options.find((o) => o.value === id)?.label ?? id) : "—");

  const t = await getTranslations({ locale, namespace: "AdminUsers" });
  const root = await rootTranslator(locale);
  const roles = await getTranslations({ locale, namespace: "Account.roles" });
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-8 max-w-3xl">{t("lead")}</p>
      <OutcomeBanner locale={locale} done={outcome === "disabled" ? t("disabledDone") : outcome === "enabled" ? t("enabledDone") : null} failed={outcome === "failed"} />
      <section aria-labelledby="accounts-heading" className="mb-12">
        <h2 id="accounts-heading" className="mb-4 text-2xl font-bold">
          {t("listHeading")}
        </h2>
        <ScrollTable labelledBy="accounts-heading" columns={[t("columns.name"), t("columns.phone"), t("columns.role"), t("columns.body"), t("columns.house"), t("columns.status"), t("columns.actions")]}>
          {accounts.map((a) => (
            <tr key={a.id} className="border-b border-line align-top">
              <th scope="row" className="p-2 text-start font-normal">
                {a.name ? <UserText>{a.name}</UserText> : "—"}
              </th>
              <td className="p-2 whitespace-nowrap">
                <Ltr nowrap>{formatPhoneLocal(a.phone)}</Ltr>
              </td>
              <td className="p-2">
                {roles(a.role)}
                {a.officialLevel ? ` · ${t(`levels.${a.officialLevel}`)}` : ""}
                {a.interpreter ? ` · ${t("interpreterShort")}` : ""}
                {editors.has(a.id) ? ` · ${root("ContentEditing.editorRight.short")}` : ""}
              </td>
              <td className="p-2">{a.bodyId ? (bodies.find((b) => b.value === a.bodyId)?.short ?? bodyName(root, a.bodyId)) : "—"}</td>
              <td className="p-2">{nameOf(houses, a.houseId)}</td>
              <td className="p-2">{a.disabled ? t("disabled") : t("active")}</td>
              <td className="p-2">
                <a className="link inline-flex min-h-11 items-center" href={localePath(locale, `/staff/admin/users/${a.id}`)}>
                  {t("edit")}
                  <span className="sr-only"> — {a.name ?? formatPhoneLocal(a.phone)}</span>
                </a>
                {a.id === actor.userId ? null : (
                  <form action={setAccountDisabledFromList}>
                    <input type="hidden" name="userId" value={a.id} />
                    <input type="hidden" name="disable" value={a.disabled ? "false" : "true"} />
                    <input type="hidden" name="locale" value={locale} />
                    <button type="submit" className="inline-flex min-h-11 items-center text-link underline">
                      {a.disabled ? t("enable") : t("disable")}
                      <span className="sr-only"> — {a.name ?? formatPhoneLocal(a.phone)}</span>
                    </button>
                  </form>
                )}
                {a.role === "official" ? <EditorRightToggle locale={locale} userId={a.id} on={editors.has(a.id)} who={a.name ?? formatPhoneLocal(a.phone)} /> : null}
              </td>
            </tr>
          ))}
        </ScrollTable>
      </section>
      <section className="max-w-2xl">
        <FormMessages errors={["AdminUsers", "Auth.phone", "Welcome", "Municipalities"]} namespaces={["AdminUsers.created", "Ui.success"]}>
          <StaffAccountForm action={createStaffAccountAction} heading={<h2 className="mb-4 text-2xl font-bold">{t("createHeading")}</h2>}>
            <TextInput name="phone" type="tel" dir="ltr" className="max-w-xs text-start" label={t("phoneLabel")} autoComplete="off" />
            <TextInput name="name" label={t("nameLabel")} maxLength={200} />
            <Radios name="role" label={t("roleLegend")} options={(["volunteer", "agent", "official", "admin"] as const).map((r) => ({ value: r, label: roles(r) }))} />
            <Select name="bodyId" options={bodies} groups={municipalityGroups(locale)} placeholder="—" label={t("bodyLabel")} hint={t("bodyHint")} />
            <Select name="houseId" options={houses} placeholder="—" label={t("houseLabel")} hint={t("houseHint")} />
            <Radios
              name="officialLevel"
              label={t("levelLegend")}
              hint={t("levelHint")}
              options={[
                { value: "regional", label: t("levels.regional") },
                { value: "central", label: t("levels.central") },
              ]}
            />
            <Checkboxes name="interpreter" label={t("interpreterLegend")} options={[{ value: "on", label: t("interpreterLabel") }]} />
            <Radios name="language" label={t("languageLegend")} options={languageOptions} defaultValue="ar-TN" />
            <Submit>{t("create")}</Submit>
          </StaffAccountForm>
        </FormMessages>
      </section>
    </>
  );
}
