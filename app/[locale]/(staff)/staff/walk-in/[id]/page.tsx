import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { fileWalkInAction, verifyWalkInAction } from "@/lib/assisted/actions";
import { loadWalkIn } from "@/lib/assisted/walk-in";
import { requirePageActor } from "@/lib/auth/session";
import { categoriesOf, complaintBodyIds } from "@/lib/cases/kinds/complaint/categories";
import { formatPhone } from "@/lib/i18n/format";
import { localePath } from "@/lib/i18n/routing";
import { newIdempotencyKey } from "@/lib/outbox/keys";
import { bodyName, rootTranslator } from "@/components/cases/labels";
import { ActionForm } from "@/components/requests/action-form";
import { pick } from "@/components/requests/labels";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Button } from "@/components/ui/button";
import { Radios } from "@/components/ui/field";
import { titled } from "@/lib/i18n/page-title";
import { pageLocale } from "@/lib/i18n/page-locale";

export const dynamic = "force-dynamic";
export const dynamicParams = true;
export const generateMetadata = titled("Titles.walkInItem", { robots: { index: false, follow: false } });

/**
 * Walk-in filing, steps 2–4 on one address: the code the citizen gives, then the complaint (which
 * body: a plain GET form; then the category and the citizen's words), then the reference.
 */
export default async function WalkInSessionPage({ params, searchParams }: PageProps<"/[locale]/staff/walk-in/[id]">) {
  const locale = await pageLocale(params);
  const { id } = await params;
  const here = localePath(locale, `/staff/walk-in/${encodeURIComponent(id)}`);
  const actor = await requirePageActor(locale, here, { roles: ["agent"] });
  const loaded = await loadWalkIn({ agent: actor, sessionId: id });
  if (!loaded) notFound();
  const { session, state } = loaded;
  const query = await searchParams;
  const t = await getTranslations({ locale, namespace: "WalkIn" });
  const q = await getTranslations({ locale, namespace: "StaffQueue" });
  const e = await getTranslations({ locale, namespace: "Errors" });
  const r = await getTranslations({ locale, namespace: "Requests" });
  const c = await getTranslations({ locale, namespace: "Complaint" });
  const root = await rootTranslator(locale);
  const common = { errorTitle: e("summaryTitle"), errorPrefix: r("errorPrefix") };
  const phone = <bdi dir="ltr">{formatPhone(session.phone)}</bdi>;
  const bodyId = typeof query.body === "string" && complaintBodyIds.includes(query.body) ? query.body : null;
  return (
    <>
      <Breadcrumbs label={t("breadcrumbs")} items={[{ href: localePath(locale, "/staff"), text: q("title") }, { href: localePath(locale, "/staff/walk-in"), text: t("title") }, { text: t(`steps.${state}`) }]} />
      <h1 className="mb-4 text-3xl font-bold">{t(`steps.${state}`)}</h1>
      {state === "awaitingCode" ? (
        <div className="max-w-xl">
          <p className="mb-6 text-lg">{t.rich("codeSent", { phone: () => phone })}</p>
          <ActionForm action={verifyWalkInAction} id="verify" hidden={{ sessionId: session.id }} fields={[{ type: "text", name: "code", label: t("codeLabel"), hint: t("codeHint") }]} submit={t("checkCode")} variant="primary" {...common} />
        </div>
      ) : null}
      {state === "ready" && !bodyId ? (
        <form method="get" action={here} className="max-w-2xl">
          <p className="mb-6 text-lg">{t.rich("verified", { phone: () => phone })}</p>
          <Radios id="body" name="body" label={c("bodyQuestion")} legendAsHeading={false} options={complaintBodyIds.map((b) => ({ value: b, label: bodyName(root, b) }))} />
          <Button type="submit">{r("continue")}</Button>
        </form>
      ) : null}
      {state === "ready" && bodyId ? (
        <div className="max-w-2xl">
          <p className="mb-2 text-lg">{t.rich("verified", { phone: () => phone })}</p>
          <p className="mb-6">
            {c("fields.bodyId")} : {bodyName(root, bodyId)}{" "}
            <a className="link ms-2" href={here}>
              {r("change")}
              <span className="sr-only"> {c("fields.bodyId")}</span>
            </a>
          </p>
          <ActionForm
            action={fileWalkInAction}
            id="file"
            hidden={{ sessionId: session.id, idempotencyKey: newIdempotencyKey(), kind: "complaint", bodyId }}
            fields={[
              { type: "select", name: "category", label: c("categoryQuestion"), placeholder: "—", options: categoriesOf(bodyId).map((k) => ({ value: k.id, label: pick(k.name, locale) })) },
              { type: "textarea", name: "description", label: c("fields.description"), hint: t("descriptionHint") },
              { type: "checkbox", name: "hideName", label: r("hideName") },
            ]}
            submit={t("file")}
            variant="primary"
            {...common}
          />
        </div>
      ) : null}
      {state === "filed" ? (
        <div role="status" className="mb-8 max-w-2xl bg-success p-6 text-center text-white">
          <p className="mb-2 text-xl font-bold">{t("filed")}</p>
          <p className="text-lg">
            {root("Cases.sent.reference")}
            <br />
            <strong className="font-mono text-3xl">
              <bdi dir="ltr">{session.caseReference}</bdi>
            </strong>
          </p>
          <p className="mt-2">{t.rich("filedNext", { phone: () => phone })}</p>
        </div>
      ) : null}
      {state === "expired" ? <p className="mb-6 max-w-2xl text-lg">{t("expired")}</p> : null}
      {state === "filed" || state === "expired" ? (
        <Link className="link inline-flex min-h-11 items-center" href={localePath(locale, "/staff/walk-in")}>
          {t("another")}
        </Link>
      ) : null}
    </>
  );
}
