import type { ContactChannel } from "@/lib/catalogue/schema";
import { localized } from "@/lib/i18n/content";
import { formatPhone } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import { Ltr } from "@/components/ui/user-text";

export function Contacts({ locale, contacts, labels }: { locale: Locale; contacts: ContactChannel[]; labels: { web: string; phone: string; email: string; office: string } }) {
  return (
    <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_minmax(0,1fr)]">
      {contacts.map((c, i) => {
        switch (c.kind) {
          case "web":
            return (<div key={i} className="contents"><dt className="font-semibold">{labels.web}</dt><dd><a className="link inline-flex min-h-11 items-center" href={c.url}><Ltr>{c.url.replace(/^https?:\/\//, "")}</Ltr></a></dd></div>);
          case "phone":
            return (<div key={i} className="contents"><dt className="font-semibold">{labels.phone}</dt><dd><a className="link inline-flex min-h-11 items-center" href={`tel:${c.number}`}><Ltr nowrap>{formatPhone(c.number)}</Ltr></a>{c.note ? <span className="ms-2 text-muted">{localized(c.note, locale)}</span> : null}</dd></div>);
          case "email":
            return (<div key={i} className="contents"><dt className="font-semibold">{labels.email}</dt><dd><a className="link inline-flex min-h-11 items-center" href={`mailto:${c.address}`}><Ltr>{c.address}</Ltr></a></dd></div>);
          case "office":
            return (<div key={i} className="contents"><dt className="font-semibold">{labels.office}</dt><dd className="py-2">{localized(c.text, locale)}</dd></div>);
        }
      })}
    </dl>
  );
}
