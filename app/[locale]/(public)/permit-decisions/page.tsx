import { getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/i18n/format";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";
import { contentLocale, localePath } from "@/lib/i18n/routing";
import { isMunicipalityBody, municipalityName } from "@/lib/municipalities/municipalities";
import { permitRegister } from "@/lib/permits/register";
import { ScrollTable } from "@/components/ui/scroll-table";
import { Ltr, UserText } from "@/components/ui/user-text";

export const generateMetadata = titled("Permits.register.title");

/** The public register of building-permit decisions, per municipality: no personal data. */
export default async function PermitRegisterPage({ params, searchParams }: PageProps<"/[locale]/permit-decisions">) {
  const locale = await pageLocale(params);
  const q = await searchParams;
  const bodyId = typeof q.municipality === "string" && isMunicipalityBody(q.municipality) ? q.municipality : null;
  const t = await getTranslations({ locale, namespace: "Permits" });
  const lang = contentLocale(locale);
  const { entries, counts } = await permitRegister({ bodyId });
  const name = (id: string) => municipalityName(id, lang) ?? id;
  const base = localePath(locale, "/permit-decisions");
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t("register.title")}</h1>
      <p className="mb-6 max-w-2xl text-lg">{t("register.intro")}</p>
      <nav aria-label={t("register.municipality")} className="mb-6">
        <ul className="flex flex-wrap gap-x-4 gap-y-2">
          <li>
            <a className="link" href={base} aria-current={bodyId ? undefined : "page"}>
              {t("register.all")}
            </a>
          </li>
          {counts.map((c) => (
            <li key={c.bodyId}>
              <a className="link" href={`${base}?municipality=${c.bodyId}`} aria-current={bodyId === c.bodyId ? "page" : undefined}>
                {name(c.bodyId)} ({c.n})
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {entries.length ? (
        <ScrollTable
          labelledBy="register-caption"
          caption={bodyId ? name(bodyId) : t("register.all")}
          columns={[t("register.reference"), t("register.municipality"), t("register.area"), t("register.decision"), t("register.date")]}
        >
          {entries.map((e) => (
            <tr key={e.reference} className="border-b border-line" data-reference={e.reference}>
              <td className="p-2">
                <Ltr nowrap>{e.reference}</Ltr>
              </td>
              <td className="p-2">{name(e.bodyId)}</td>
              <td className="p-2">
                <UserText>{e.addressArea}</UserText>
              </td>
              <td className="p-2">{t(`pdf.${e.decision}`)}</td>
              <td className="p-2">{formatDate(e.decidedAt, locale, "date")}</td>
            </tr>
          ))}
        </ScrollTable>
      ) : (
        <p>{t("register.empty")}</p>
      )}
    </>
  );
}
