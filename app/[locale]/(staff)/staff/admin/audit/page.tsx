import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { auditAreas, auditFilters, detailPairs, readAuditLog } from "@/lib/audit/view";
import { formatDate, formatPhoneLocal } from "@/lib/i18n/format";
import { localePath } from "@/lib/i18n/routing";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";
import { StepForm } from "@/components/forms/form";
import { Select, Submit, TextInput } from "@/components/forms/fields";
import { ScrollTable } from "@/components/ui/scroll-table";
import { Ltr, UserText } from "@/components/ui/user-text";
import { roles as allRoles, type Role } from "@/lib/auth/roles";

export const generateMetadata = titled("AdminAudit.title");

/**
 * Administrators read the audit log: who did what, to what, when, from where. Filtered by area,
 * by an id or a case reference (the actor's or the subject's), and by local days; newest first,
 * a page at a time. Reading it is itself an audited action (a filtered read, not every page).
 */
export default async function AuditPage({ params, searchParams }: PageProps<"/[locale]/staff/admin/audit">) {
  const locale = await pageLocale(params);
  const self = localePath(locale, "/staff/admin/audit");
  const actor = await requirePageActor(locale, self, { roles: ["admin"] });
  const raw = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  const filters = auditFilters.parse({ area: one(raw.area), subject: one(raw.subject), from: one(raw.from), to: one(raw.to), after: one(raw.after) });
  const { rows, next } = await readAuditLog(actor, filters);
  const t = await getTranslations({ locale, namespace: "AdminAudit" });
  const roles = await getTranslations({ locale, namespace: "Account.roles" });
  const roleName = (r: string | null) => (r && (allRoles as readonly string[]).includes(r) ? roles(r as Role) : (r ?? "—"));
  const values = { area: filters.area ?? "", subject: filters.subject ?? "", from: filters.from ?? "", to: filters.to ?? "" };
  const nextHref = next ? `${self}?${new URLSearchParams({ ...Object.fromEntries(Object.entries(values).filter(([, v]) => v)), after: next }).toString()}` : null;

  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-8 max-w-3xl">{t("lead")}</p>
      <StepForm action={self} values={values} className="mb-8 grid max-w-4xl gap-x-4 sm:grid-cols-2">
        <Select name="area" label={t("area")} placeholder={t("allAreas")} options={auditAreas.map((a) => ({ value: a, label: t(`areas.${a}`) }))} />
        <TextInput name="subject" label={t("subject")} hint={t("subjectHint")} dir="ltr" maxLength={80} autoComplete="off" />
        <TextInput name="from" type="date" label={t("from")} />
        <TextInput name="to" type="date" label={t("to")} />
        <div className="sm:col-span-2">
          <Submit variant="secondary">{t("filter")}</Submit>
        </div>
      </StepForm>
      <section aria-labelledby="audit-heading">
        <h2 id="audit-heading" className="mb-4 text-2xl font-bold">
          {t("listHeading")}
        </h2>
        {rows.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          <ScrollTable labelledBy="audit-heading" columns={[t("columns.at"), t("columns.action"), t("columns.actor"), t("columns.subject"), t("columns.detail"), t("columns.ip")]}>
            {rows.map((r) => (
              <tr key={r.id} className="border-b border-line align-top">
                <td className="p-2 whitespace-nowrap">{formatDate(r.at, locale, "dateTime")}</td>
                <th scope="row" className="p-2 text-start font-normal">
                  <Ltr>
                    <code>{r.action}</code>
                  </Ltr>
                </th>
                <td className="p-2">
                  {r.actorId ? (
                    <>
                      {r.actorName ? <UserText>{r.actorName}</UserText> : null}
                      {r.actorPhone ? (
                        <>
                          {r.actorName ? " · " : null}
                          <Ltr nowrap>{formatPhoneLocal(r.actorPhone)}</Ltr>
                        </>
                      ) : null}
                      <span className="block text-sm">{roleName(r.actorRole)}</span>
                    </>
                  ) : (
                    t("system")
                  )}
                </td>
                <td className="p-2">
                  {r.subjectId ? (
                    r.subjectType === "case" ? (
                      <a className="link" href={localePath(locale, `/staff/cases/${encodeURIComponent(r.subjectId)}`)}>
                        <Ltr nowrap>{r.subjectId}</Ltr>
                      </a>
                    ) : (
                      <>
                        <span className="block text-sm">{r.subjectType}</span>
                        <Ltr>
                          <code className="break-all">{r.subjectId}</code>
                        </Ltr>
                      </>
                    )
                  ) : (
                    "—"
                  )}
                </td>
                <td className="p-2">
                  {detailPairs(r.detail).length ? (
                    <dl className="text-sm">
                      {detailPairs(r.detail).map(([k, v]) => (
                        <div key={k}>
                          <dt className="inline font-semibold">
                            <Ltr>{k}</Ltr>:{" "}
                          </dt>
                          <UserText as="dd" className="inline break-all">
                            {v}
                          </UserText>
                        </div>
                      ))}
                    </dl>
                  ) : (
                    "—"
                  )}
                </td>
                <td className="p-2">{r.ip ? <Ltr nowrap>{r.ip}</Ltr> : "—"}</td>
              </tr>
            ))}
          </ScrollTable>
        )}
        {nextHref ? (
          <p className="mt-6">
            <a className="link inline-flex min-h-11 items-center font-semibold" href={nextHref}>
              {t("older")}
            </a>
          </p>
        ) : null}
      </section>
    </>
  );
}
