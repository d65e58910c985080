import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { staffRoles } from "@/lib/auth/roles";
import { requirePageActor } from "@/lib/auth/session";
import { listKinds } from "@/lib/cases/kinds";
import { loadQueue } from "@/lib/cases/queries";
import { assignFromQueue } from "@/lib/cases/actions";
import { formatDate } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/content";
import { getHouse } from "@/lib/houses/houses";
import { localePath } from "@/lib/i18n/routing";
import { DeadlineNote } from "@/components/cases/deadline-note";
import { bodyName, rootTranslator, translateKey } from "@/components/cases/labels";
import { GENERIC_MUNICIPALITY } from "@/lib/municipalities/municipalities";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import { StatusTag } from "@/components/ui/status-tag";
import { titled } from "@/lib/i18n/page-title";
import { Ltr, UserText } from "@/components/ui/user-text";
import { pageLocale } from "@/lib/i18n/page-locale";

// Personal: rendered for each request, never prerendered or cached.
export const dynamic = "force-dynamic";

export const generateMetadata = titled("StaffQueue.title", { robots: { index: false, follow: false } });

function statusOptions(): { value: string; labelKey: string }[] {
  const seen = new Map<string, string>();
  for (const kind of listKinds()) for (const [state, def] of Object.entries(kind.machine.states)) if (!seen.has(state)) seen.set(state, def.label);
  return [...seen].map(([value, labelKey]) => ({ value, labelKey }));
}

export default async function StaffQueuePage({ params, searchParams }: PageProps<"/[locale]/staff">) {
  const locale = await pageLocale(params);
  const actor = await requirePageActor(locale, localePath(locale, "/staff"), { roles: staffRoles });
  const query = await searchParams;
  const status = typeof query.status === "string" && query.status ? query.status : "open";
  const page = Math.max(1, Number.parseInt(typeof query.page === "string" ? query.page : "1", 10) || 1);
  const bodyFilter = actor.role === "admin" && typeof query.body === "string" && query.body ? query.body : null;
  const kindFilter = typeof query.kind === "string" && listKinds().some((k) => k.id === query.kind) ? query.kind : null;
  const due = query.due === "overdue" || query.due === "soon" ? query.due : null;
  const mine = query.mine === "1";
  // Agents of a service house also see the cases filed at their house; "my house" shows only those.
  const hasHouse = actor.role === "agent" && Boolean(actor.houseId);
  const house = hasHouse && query.house === "1";
  const queue = await loadQueue({ actor, status, page, bodyId: bodyFilter, kind: kindFilter, due, mine, house });
  const t = await getTranslations({ locale, namespace: "StaffQueue" });
  const tw = await getTranslations({ locale, namespace: "InterviewWalkIn" });
  const tk = await getTranslations({ locale, namespace: "KioskAdmin" });
  const root = await rootTranslator(locale);
  const totalPages = Math.max(1, Math.ceil(queue.total / queue.pageSize));
  const body = actor.role === "admin" ? (bodyFilter ? bodyName(root, bodyFilter) : t("allBodies")) : bodyName(root, actor.bodyId);
  const theHouse = hasHouse ? getHouse(actor.houseId!) : undefined;
  const houseName = theHouse ? localized(theHouse.name, locale) : (actor.houseId ?? "");
  // The body decides its own cases; a case filed at the house for another body is followed, not taken.
  const mayAssign = (c: { bodyId: string }) => actor.role === "admin" || c.bodyId === actor.bodyId;
  const hrefFor = (p: number) =>
    `${localePath(locale, "/staff")}?${new URLSearchParams({ status, page: String(p), ...(bodyFilter ? { body: bodyFilter } : {}), ...(kindFilter ? { kind: kindFilter } : {}), ...(due ? { due } : {}), ...(mine ? { mine: "1" } : {}), ...(house ? { house: "1" } : {}) })}`;
  const options = [
    { value: "open", label: t("filters.open") },
    { value: "all", label: t("filters.all") },
    { value: "closed", label: t("filters.closed") },
    ...statusOptions().map((o) => ({ value: o.value, label: translateKey(root, o.labelKey) })),
  ];
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6 text-lg">{hasHouse ? t("leadWithHouse", { body, house: houseName }) : t("lead", { body })}</p>
      <p className="mb-6">
        <Link className="link inline-flex min-h-11 items-center font-semibold" href={localePath(locale, "/staff/statistics")}>
          {root("Statistics.title")}
        </Link>
      </p>
      {actor.role === "agent" ? (
        <p className="mb-6">
          <Link className="link inline-flex min-h-11 items-center font-semibold" href={localePath(locale, "/staff/walk-in")}>
            {t("walkIn")}
          </Link>
          <Link className="link ms-6 inline-flex min-h-11 items-center font-semibold" href={localePath(locale, "/staff/interview-walk-in")}>
            {tw("staffLink")}
          </Link>
          <Link className="link ms-6 inline-flex min-h-11 items-center font-semibold" href={localePath(locale, "/staff/kiosks")}>
            {tk("link")}
          </Link>
        </p>
      ) : actor.role === "admin" ? (
        // The administration pages, one link each (every admin page is reached from here).
        <nav aria-label={root("AdminAudit.adminNav")} className="mb-6">
          <ul className="flex flex-wrap gap-x-6">
            {(
              [
                ["/staff/admin/users", root("AdminUsers.title")],
                ["/staff/kiosks", tk("link")],
                ["/staff/admin/municipalities", root("Municipalities.admin.title")],
                ["/staff/admin/audit", root("AdminAudit.title")],
                ["/staff/admin/api-keys", root("PartnerApi.title")],
              ] as const
            ).map(([href, label]) => (
              <li key={href}>
                <Link className="link inline-flex min-h-11 items-center font-semibold" href={localePath(locale, href)}>
                  {label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {actor.role === "admin" || actor.role === "official" ? (
        <p className="mb-6">
          <Link className="link inline-flex min-h-11 items-center font-semibold" href={localePath(locale, "/staff/content")}>
            {root("ContentEditing.link")}
          </Link>
        </p>
      ) : null}
      {/* A municipal account still on "the municipality" in general has no queue until an admin gives it its town. */}
      {actor.role !== "admin" && actor.bodyId === GENERIC_MUNICIPALITY ? <p className="mb-6 max-w-2xl border-s-4 border-warning ps-4">{root("Municipalities.noHome")}</p> : null}
      {/* On a phone the filters stack, one a line: side by side, a long Arabic label or option could
          push one over the next (a checkbox hidden under a select). */}
      <form method="get" className="mb-6 flex flex-col gap-x-4 sm:flex-row sm:flex-wrap sm:items-end" aria-label={t("filtersLabel")}>
        <div className="min-w-0 sm:min-w-60">
          <SelectField id="status" name="status" label={t("statusFilter")} options={options} defaultValue={status} />
        </div>
        <div className="min-w-0 sm:min-w-52">
          <SelectField
            id="kind"
            name="kind"
            label={t("kindFilter")}
            options={[{ value: "", label: t("filters.allKinds") }, ...listKinds().map((k) => ({ value: k.id, label: translateKey(root, k.messages.name) }))]}
            defaultValue={kindFilter ?? ""}
          />
        </div>
        <div className="min-w-0 sm:min-w-52">
          <SelectField
            id="due"
            name="due"
            label={t("dueFilter")}
            options={[{ value: "", label: t("filters.anyDue") }, { value: "overdue", label: t("filters.overdue") }, { value: "soon", label: t("filters.soon") }]}
            defaultValue={due ?? ""}
          />
        </div>
        <div className="mb-6 flex items-center gap-3">
          <input id="mine" type="checkbox" name="mine" value="1" defaultChecked={mine} className="size-7 shrink-0 accent-brand" />
          <label htmlFor="mine" className="inline-flex min-h-11 items-center">
            {t("filters.mine")}
          </label>
        </div>
        {hasHouse ? (
          <div className="mb-6 flex items-center gap-3">
            <input id="house" type="checkbox" name="house" value="1" defaultChecked={house} className="size-7 shrink-0 accent-brand" />
            <label htmlFor="house" className="inline-flex min-h-11 items-center">
              {t("filters.house")}
            </label>
          </div>
        ) : null}
        <div className="mb-6">
          <Button type="submit" variant="secondary">
            {t("apply")}
          </Button>
        </div>
      </form>
      <p className="mb-4" role="status">
        {t("count", { count: queue.total })}
      </p>
      {queue.items.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        // On a phone the table becomes one card per case (each cell says its column): a six-column
        // table cannot fit 320 px without scrolling sideways (WCAG 1.4.10).
        <div>
          <table className="w-full border-collapse text-start max-sm:block">
            <caption className="sr-only">{t("tableCaption", { body })}</caption>
            <thead className="max-sm:sr-only">
              <tr className="border-b-2 border-ink text-start">
                <th scope="col" className="p-2 text-start">{t("columns.reference")}</th>
                <th scope="col" className="p-2 text-start">{t("columns.subject")}</th>
                <th scope="col" className="p-2 text-start">{t("columns.status")}</th>
                <th scope="col" className="p-2 text-start">{t("columns.submitted")}</th>
                <th scope="col" className="p-2 text-start">{t("columns.deadline")}</th>
                <th scope="col" className="p-2 text-start">{t("columns.assignee")}</th>
              </tr>
            </thead>
            <tbody className="max-sm:flex max-sm:flex-col max-sm:gap-4">
              {queue.items.map((c) => (
                <tr key={c.id} data-queue-card className={`border-b border-line max-sm:block max-sm:border-2 max-sm:p-2 ${c.deadline === "overdue" ? "bg-[#f4cdc6]/40" : ""}`}>
                  <td data-label={t("columns.reference")} className="p-2 max-sm:block max-sm:py-1 max-sm:before:block max-sm:before:text-sm max-sm:before:font-semibold max-sm:before:content-[attr(data-label)]">
                    <Link className="link inline-flex min-h-11 items-center font-mono" href={localePath(locale, `/staff/cases/${c.reference}`)}>
                      <Ltr nowrap>{c.reference}</Ltr>
                    </Link>
                  </td>
                  <td data-label={t("columns.subject")} className="p-2 max-sm:block max-sm:py-1 max-sm:before:block max-sm:before:text-sm max-sm:before:font-semibold max-sm:before:content-[attr(data-label)]">
                    <span className="block text-sm text-muted">{translateKey(root, c.kind.messages.name)}</span>
                    <UserText>{c.title}</UserText>
                    {hasHouse && c.houseId === actor.houseId ? <span className="block text-sm text-muted">{t("filedAtHouse", { body: bodyName(root, c.bodyId) })}</span> : null}
                  </td>
                  <td data-label={t("columns.status")} className="p-2 max-sm:block max-sm:py-1 max-sm:before:block max-sm:before:text-sm max-sm:before:font-semibold max-sm:before:content-[attr(data-label)]">
                    <StatusTag tone={c.state.tone}>{translateKey(root, c.state.label)}</StatusTag>
                  </td>
                  <td data-label={t("columns.submitted")} className="p-2 max-sm:block max-sm:py-1 max-sm:before:block max-sm:before:text-sm max-sm:before:font-semibold max-sm:before:content-[attr(data-label)]">
                    <time dateTime={c.submittedAt.toISOString()}>{formatDate(c.submittedAt, locale, "date")}</time>
                  </td>
                  <td data-label={t("columns.deadline")} className="p-2 max-sm:block max-sm:py-1 max-sm:before:block max-sm:before:text-sm max-sm:before:font-semibold max-sm:before:content-[attr(data-label)]">{c.closed ? "—" : <DeadlineNote t={root} locale={locale} status={c.deadline} dueAt={c.dueAt} />}</td>
                  <td data-label={t("columns.assignee")} className="p-2 max-sm:block max-sm:py-1 max-sm:before:block max-sm:before:text-sm max-sm:before:font-semibold max-sm:before:content-[attr(data-label)]">
                    {c.assigneeId === actor.userId ? (
                      t("assignedToYou")
                    ) : c.closed || !mayAssign(c) ? (
                      "—"
                    ) : (
                      <form action={assignFromQueue}>
                        <input type="hidden" name="reference" value={c.reference} />
                        <input type="hidden" name="back" value="queue" />
                        <Button type="submit" variant="secondary">
                          {t("assignToMe")}
                          <span className="sr-only">
                            {" "}
                            <bdi dir="ltr">{c.reference}</bdi>
                          </span>
                        </Button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        page={queue.page}
        total={totalPages}
        hrefFor={hrefFor}
        labels={{ nav: t("pagination"), previous: t("previous"), next: t("next"), pageOf: t("pageOf", { page: queue.page, total: totalPages }) }}
      />
    </>
  );
}
