import Link from "next/link";
import type { Body, Service } from "@/lib/catalogue/schema";
import { localized } from "@/lib/i18n/content";
import { localePath, type Locale } from "@/lib/i18n/routing";

/** A plain list of procedures: title link, body, one-line summary. No cards: lists scan faster. */
export function ServiceList({ locale, services, bodies, headingLevel = 3 }: { locale: Locale; services: Service[]; bodies?: Body[]; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul className="flex flex-col divide-y divide-line border-y border-line">
      {services.map((s) => {
        const body = bodies?.find((b) => b.id === s.body);
        return (
          <li key={s.slug} className="py-3">
            <H className="text-lg font-bold">
              <Link prefetch={false} className="link inline-flex min-h-11 items-center" href={localePath(locale, `/services/${s.slug}`)}>
                {localized(s.title, locale)}
              </Link>
            </H>
            {body ? <p className="text-sm font-semibold text-muted">{localized(body.shortName, locale)}</p> : null}
            <p className="max-w-3xl">{localized(s.summary, locale)}</p>
          </li>
        );
      })}
    </ul>
  );
}
