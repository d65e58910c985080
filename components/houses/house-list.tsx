import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { House } from "@/lib/houses/schema";
import { getGovernorate } from "@/lib/houses/houses";
import { localized } from "@/lib/i18n/content";
import { localePath, type Locale } from "@/lib/i18n/routing";
import { StatusTag } from "@/components/ui/status-tag";

/** Houses as a list: name, kind, place, and a "demonstration" tag where the data is an example. */
export async function HouseList({ locale, houses, note }: { locale: Locale; houses: House[]; note?: (h: House) => string | undefined }) {
  const t = await getTranslations({ locale, namespace: "Houses" });
  return (
    <ul className="flex flex-col divide-y divide-line border-y border-line">
      {houses.map((h) => {
        const gov = getGovernorate(h.governorate);
        const del = gov?.delegations.find((d) => d.id === h.delegation);
        const extra = note?.(h);
        return (
          <li key={h.slug} className="py-3">
            <p className="text-lg font-bold">
              <Link prefetch={false} className="link inline-flex min-h-11 items-center" href={localePath(locale, `/houses/${h.slug}`)}>
                {localized(h.name, locale)}
              </Link>
              {h.demo ? <span className="ms-2 align-middle"><StatusTag tone="yellow">{t("demoTag")}</StatusTag></span> : null}
            </p>
            <p className="text-muted">
              {h.kinds.map((k) => t(`kinds.${k}`)).join(" · ")}
              {gov && del ? ` — ${localized(del.name, locale)}، ${localized(gov.name, locale)}`.replace("،", locale === "ar-TN" ? "،" : ",") : null}
            </p>
            {extra ? <p>{extra}</p> : null}
          </li>
        );
      })}
    </ul>
  );
}
