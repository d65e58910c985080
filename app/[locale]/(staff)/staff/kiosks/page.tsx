import { getTranslations } from "next-intl/server";
import { localePath } from "@/lib/i18n/routing";
import { localized } from "@/lib/i18n/content";
import { formatDate } from "@/lib/i18n/format";
import { UserText } from "@/components/ui/user-text";
import { requirePageActor } from "@/lib/auth/session";
import { listHouses } from "@/lib/houses/houses";
import { DEFAULT_IDLE_MINUTES, listDevices } from "@/lib/kiosk/devices";
import { enrolKioskAction, revokeKioskFromList } from "@/lib/kiosk/actions";
import { Form } from "@/components/forms/form";
import { Select, Submit, TextInput } from "@/components/forms/fields";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";
import { ScrollTable } from "@/components/ui/scroll-table";
import { OutcomeBanner } from "@/components/ui/outcome-banner";
import { RowAction } from "@/components/forms/row-action";

export const generateMetadata = titled("KioskAdmin.title");

/** Administrators and the agents of a house: the house's self-service corners, enrolling this browser as one, revoking one. */
export default async function KiosksPage({ params, searchParams }: PageProps<"/[locale]/staff/kiosks">) {
  const locale = await pageLocale(params);
  const actor = await requirePageActor(locale, localePath(locale, "/staff/kiosks"), { roles: ["admin", "agent"] });
  const outcome = (await searchParams).outcome;
  const devices = await listDevices(actor);
  const houses = listHouses().map((h) => ({ value: h.slug, label: localized(h.name, locale) }));
  const houseName = (id: string) => houses.find((h) => h.value === id)?.label ?? id;
  const t = await getTranslations({ locale, namespace: "KioskAdmin" });
  const date = (d: Date) => formatDate(d, locale, "dateTime");
  const ownHouse = actor.role === "agent" ? (houses.find((h) => h.value === actor.houseId) ?? null) : null;
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-8 max-w-3xl">{t("lead")}</p>
      <OutcomeBanner locale={locale} done={outcome === "revoked" ? t("revokedDone") : null} failed={outcome === "failed"} />
      <section aria-labelledby="corners-heading" className="mb-12">
        <h2 id="corners-heading" className="mb-4 text-2xl font-bold">
          {t("listHeading")}
        </h2>
        {devices.length === 0 ? (
          <p>{t("none")}</p>
        ) : (
          <ScrollTable labelledBy="corners-heading" columns={[t("columns.label"), t("columns.house"), t("columns.idle"), t("columns.enrolled"), t("columns.status"), t("columns.actions")]}>
            {devices.map((d) => (
              <tr key={d.id} className="border-b border-line align-top" data-kiosk-device={d.id}>
                <th scope="row" className="p-2 text-start font-normal">
                  <UserText>{d.label}</UserText>
                </th>
                <td className="p-2">{houseName(d.houseId)}</td>
                <td className="p-2 whitespace-nowrap">{t("minutes", { minutes: Math.round(d.idleSeconds / 60) })}</td>
                <td className="p-2 whitespace-nowrap">{date(d.createdAt)}</td>
                <td className="p-2">{d.revokedAt ? t("revoked") : t("active")}</td>
                <td className="p-2">
                  {d.revokedAt ? null : (
                    <RowAction action={revokeKioskFromList} fields={{ deviceId: d.id, locale }} verb={t("revoke")} subject={d.label} />
                  )}
                </td>
              </tr>
            ))}
          </ScrollTable>
        )}
      </section>
      {actor.role === "admin" || ownHouse ? (
        <section className="max-w-2xl">
          {/* Enrols this browser as a corner (the action signs the staff member out and opens the start page). */}
          <Form action={enrolKioskAction} schema="kiosk-enrol" errors={["KioskAdmin"]} hidden={ownHouse ? { houseId: ownHouse.value } : undefined}>
            <h2 className="mb-4 text-2xl font-bold">{t("enrolHeading")}</h2>
            {ownHouse ? (
              <p className="mb-6">
                {t("house")}: <bdi className="font-bold">{ownHouse.label}</bdi>
              </p>
            ) : (
              <Select name="houseId" options={houses} placeholder="—" label={t("house")} />
            )}
            <TextInput name="label" label={t("label")} hint={t("labelHint")} maxLength={60} dir="auto" />
            <TextInput name="idleMinutes" inputMode="numeric" className="max-w-24" label={t("idleMinutes")} defaultValue={String(DEFAULT_IDLE_MINUTES)} />
            <Submit>{t("enrol")}</Submit>
          </Form>
        </section>
      ) : null}
    </>
  );
}
