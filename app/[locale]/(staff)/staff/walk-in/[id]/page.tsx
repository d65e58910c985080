import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { fileWalkInAction, verifyWalkInAction } from "@/lib/assisted/actions";
import { loadWalkIn } from "@/lib/assisted/walk-in";
import { requirePageActor } from "@/lib/auth/session";
import { categoriesOf, complaintBodyIds } from "@/lib/cases/kinds/complaint/categories";
import { formatPhone } from "@/lib/i18n/format";
import { localePath } from "@/lib/i18n/routing";
import { newIdempotencyKey } from "@/lib/outbox/keys";
import { bodyName, municipalityGroups, rootTranslator } from "@/components/cases/labels";
import { GENERIC_MUNICIPALITY, municipalityOfHouse } from "@/lib/municipalities/municipalities";
import { pick } from "@/components/requests/labels";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Form, StepForm } from "@/components/forms/form";
import { Checkbox, Radios, Select, Submit, TextArea, TextInput } from "@/components/forms/fields";
import { titled } from "@/lib/i18n/page-title";
import { getService, listServices } from "@/lib/catalogue/catalogue";
import { scannedDraftFiles } from "@/lib/documents/scanned-submissions";
import { contentLocale } from "@/lib/i18n/routing";
import { ScannedDocumentsForm } from "@/components/documents/scanned-documents-form";
import { fileWalkInScansAction } from "../actions";
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
  const r = await getTranslations({ locale, namespace: "Requests" });
  const c = await getTranslations({ locale, namespace: "Complaint" });
  const root = await rootTranslator(locale);
  const phone = <bdi dir="ltr">{formatPhone(session.phone)}</bdi>;
  const bodyId = typeof query.body === "string" && complaintBodyIds().includes(query.body) ? query.body : null;
  // Or a procedure's documents, scanned at the counter (issue 16): the form's key in the address,
  // so what was attached stays on the checklist across posts.
  const scanService = typeof query.service === "string" ? getService(query.service) : undefined;
  const scans = state === "ready" && !bodyId && scanService?.scans ? scanService : null;
  const scanKey = typeof query.key === "string" && /^[A-Za-z0-9_-]{16,100}$/.test(query.key) ? query.key : null;
  if (scans && !scanKey) redirect(`${here}?service=${encodeURIComponent(scans.slug)}&key=${newIdempotencyKey()}`);
  const s = await getTranslations({ locale, namespace: "WalkIn.scans" });
  const lang = contentLocale(locale);
  return (
    <>
      <Breadcrumbs label={t("breadcrumbs")} items={[{ href: localePath(locale, "/staff"), text: q("title") }, { href: localePath(locale, "/staff/walk-in"), text: t("title") }, { text: t(`steps.${state}`) }]} />
      <h1 className="mb-4 text-3xl font-bold">{t(`steps.${state}`)}</h1>
      {state === "awaitingCode" ? (
        <div className="max-w-xl">
          <p className="mb-6 text-lg">{t.rich("codeSent", { phone: () => phone })}</p>
          <Form action={verifyWalkInAction} id="verify" schema="walk-in-code" errors={["WalkIn"]} hidden={{ sessionId: session.id }} className="mb-6 border-t-2 border-line pt-4">
            <TextInput name="code" label={t("codeLabel")} hint={t("codeHint")} inputMode="numeric" autoComplete="off" dir="ltr" className="max-w-40" />
            <Submit>{t("checkCode")}</Submit>
          </Form>
        </div>
      ) : null}
      {scans && scanKey && session.citizenId ? (
        <div className="max-w-2xl">
          <p className="mb-2 text-lg">{t.rich("verified", { phone: () => phone })}</p>
          <p className="mb-6">
            {s("service")} : {scans.title[lang]}{" "}
            <a className="link ms-2" href={here}>
              {r("change")}
              <span className="sr-only"> {s("service")}</span>
            </a>
          </p>
          <ScannedDocumentsForm
            locale={locale}
            service={scans}
            held={await scannedDraftFiles({ userId: session.citizenId, draftKey: scanKey })}
            action={fileWalkInScansAction}
            hidden={{ sessionId: session.id, service: scans.slug, draftKey: scanKey }}
            submit={s("submit")}
            municipality={municipalityOfHouse(actor.houseId)}
          />
        </div>
      ) : null}
      {state === "ready" && !bodyId && !scans ? (
        <StepForm action={here} id="scans" className="mb-8 max-w-2xl border-b-2 border-line pb-6">
          <h2 className="mb-2 text-xl font-bold">{s("heading")}</h2>
          <Select name="service" label={s("service")} placeholder="—" options={listServices().filter((v) => v.scans).map((v) => ({ value: v.slug, label: v.title[lang] }))} />
          <Submit variant="secondary">{s("choose")}</Submit>
        </StepForm>
      ) : null}
      {state === "ready" && !bodyId && !scans ? (
        <StepForm action={here} errors={query.s === "body" ? { body: c("errors.bodyRequired") } : {}} className="max-w-2xl">
          <p className="mb-6 text-lg">{t.rich("verified", { phone: () => phone })}</p>
          <input type="hidden" name="s" value="body" />
          <Radios name="body" label={c("bodyQuestion")} options={complaintBodyIds().map((b) => ({ value: b, label: bodyName(root, b) }))} />
          <Submit>{r("continue")}</Submit>
        </StepForm>
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
          {/* The complaint's own schema, the one its kind files with (lib/cases/kinds/complaint). */}
          <Form
            action={fileWalkInAction}
            id="file"
            schema="complaint"
            errors={["Complaint", "Requests", "Cases", "WalkIn", "Outbox", "Municipalities"]}
            hidden={{ sessionId: session.id, idempotencyKey: newIdempotencyKey(), kind: "complaint", bodyId }}
            className="mb-6 border-t-2 border-line pt-4"
          >
            {bodyId === GENERIC_MUNICIPALITY ? (
              // At the counter, the house's own town first: the agent changes it for a complaint about another.
              <Select name="municipalityId" label={root("Municipalities.field")} hint={root("Municipalities.chooseHint")} placeholder="—" options={[]} groups={municipalityGroups(locale)} defaultValue={municipalityOfHouse(actor.houseId) ?? undefined} />
            ) : null}
            <Select name="category" label={c("categoryQuestion")} placeholder="—" options={categoriesOf(bodyId).map((k) => ({ value: k.id, label: pick(k.name, locale) }))} />
            <TextArea name="description" label={c("fields.description")} hint={t("descriptionHint")} rows={4} maxLength={5000} />
            <Checkbox name="hideName" label={r("hideName")} />
            <Submit>{t("file")}</Submit>
          </Form>
        </div>
      ) : null}
      {state === "filed" ? (
        <div role="status" className="mb-8 max-w-2xl bg-success p-6 text-center text-white">
          <p className="mb-2 text-xl font-bold">{query.filed === "scans" ? s("filed") : t("filed")}</p>
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
