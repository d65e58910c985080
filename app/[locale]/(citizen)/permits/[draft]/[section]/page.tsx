import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { acceptAttribute } from "@/lib/documents/uploads/limits";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";
import { contentLocale, localePath } from "@/lib/i18n/routing";
import { municipalitiesByGovernorate } from "@/lib/municipalities/municipalities";
import { saveArchitectAction, saveDocumentsAction } from "@/lib/permits/actions";
import { saveApplicationAction } from "../../actions";
import { PERMIT_FILE_LIMITS, draftKeyOf, fileField, loadPermitDraft } from "@/lib/permits/drafts";
import { env } from "@/lib/env";
import { PERMIT_SECTIONS, WORKS_TYPES, documentsOf, sectionStatus, type PermitSection } from "@/lib/cases/kinds/permit/rules";
import { Form } from "@/components/forms/form";
import { Checkboxes, FileInput, Radios, Select, Submit, TextInput } from "@/components/forms/fields";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { UserText } from "@/components/ui/user-text";

export const dynamic = "force-dynamic";
export const dynamicParams = true;
export const generateMetadata = titled("Permits.title", { robots: { index: false, follow: false } });

/**
 * One section of the permit file. Saving keeps what is there (an incomplete section is "in
 * progress", not an error) and goes back to the task list. Files go through the one upload
 * pipeline (checked by content); each is kept as its document of the file.
 */
export default async function PermitSectionPage({ params }: PageProps<"/[locale]/permits/[draft]/[section]">) {
  const locale = await pageLocale(params);
  const { draft, section: raw } = await params;
  const actor = await requirePageActor(locale, localePath(locale, `/permits/${encodeURIComponent(draft)}/${encodeURIComponent(raw)}`), { roles: ["citizen"] });
  if (!(PERMIT_SECTIONS as readonly string[]).includes(raw)) notFound();
  const section = raw as PermitSection;
  const loaded = await loadPermitDraft({ userId: actor.userId, draftId: draft });
  if (!loaded) notFound();
  if (loaded.caseReference) redirect(localePath(locale, `/my/cases/${loaded.caseReference}`));
  const t = await getTranslations({ locale, namespace: "Permits" });
  const lang = contentLocale(locale);
  const a = loaded.state.application;
  const back = localePath(locale, `/permits/${loaded.row.id}`);
  const slots = documentsOf(section, a);
  // Large plans go up in pieces as soon as they are chosen, resuming after a cut (ADR 0020); each
  // becomes the draft's file for its document. Without JavaScript they go with the post.
  const uploads = { userId: actor.userId, chunkBytes: env().UPLOAD_CHUNK_BYTES, draftKey: draftKeyOf(loaded.row.id) };
  const held = loaded.files.filter((f) => (slots as readonly (string | null)[]).includes(f.slot));
  const yesNo = [
    { value: "yes", label: t("yes") },
    { value: "no", label: t("no") },
  ];
  const bool = (v: boolean | undefined) => (v === undefined ? undefined : v ? "yes" : "no");
  const files = (
    <>
      {held.length ? (
        <Checkboxes
          name="removeUpload"
          label={t("removeLabel")}
          hint={t("heldFiles")}
          options={held.map((f) => ({ value: f.id, label: <UserText>{t("removeOption", { name: f.label })}</UserText>, hint: t(`documents.${f.slot}` as never) }))}
        />
      ) : null}
      {slots.map((slot) => (
        <FileInput key={slot} name={fileField(slot)} slot={slot} label={t(`documents.${slot}`)} hint={t("hints.file", { max: PERMIT_FILE_LIMITS.perDocument })} accept={acceptAttribute} multiple />
      ))}
    </>
  );
  return (
    <>
      <Breadcrumbs label={t("title")} items={[{ href: back, text: t("title") }, { text: t(`sections.${section}`) }]} />
      <h1 className="mb-6 text-3xl font-bold">{t(`sections.${section}`)}</h1>
      {section === "application" ? (
        <Form action={saveApplicationAction} schema="permit-application" errors={["Permits"]} hidden={{ draft: loaded.row.id }} className="max-w-2xl">
          <Select
            name="municipality"
            label={t("items.municipality")}
            defaultValue={a.municipality}
            placeholder={t("notAnswered")}
            options={[]}
            groups={municipalitiesByGovernorate().map((g) => ({ label: g.name[lang], options: g.municipalities.map((m) => ({ value: m.id, label: m.name[lang] })) }))}
          />
          <TextInput name="addressArea" label={t("items.addressArea")} hint={t("hints.addressArea")} defaultValue={a.addressArea} maxLength={120} autoComplete="off" dir="auto" />
          <TextInput name="address" label={t("items.address")} defaultValue={a.address} maxLength={300} autoComplete="street-address" dir="auto" />
          <Radios name="worksType" label={t("items.worksType")} defaultValue={a.worksType} options={WORKS_TYPES.map((w) => ({ value: w, label: t(`worksTypes.${w}`) }))} />
          <TextInput name="floorArea" label={t("items.floorArea")} hint={t("hints.floorArea")} defaultValue={a.floorArea === undefined ? undefined : String(a.floorArea)} inputMode="numeric" className="w-32" dir="ltr" />
          <Radios name="townPlanUnderStudy" label={t("items.townPlanUnderStudy")} hint={t("hints.townPlanUnderStudy")} defaultValue={bool(a.townPlanUnderStudy)} options={yesNo} />
          <Radios name="protectedSite" label={t("items.protectedSite")} hint={t("hints.protectedSite")} defaultValue={bool(a.protectedSite)} options={yesNo} />
          <Submit>{t("save")}</Submit>
        </Form>
      ) : section === "energy" && sectionStatus("energy", loaded.state) === "cannotStartYet" ? (
        <p className="mb-6 max-w-2xl">
          {t("sectionHints.energy")}{" "}
          <a className="link" href={localePath(locale, `/permits/${loaded.row.id}/application`)}>
            {t("sections.application")}
          </a>
        </p>
      ) : section === "architect" ? (
        <Form action={saveArchitectAction} schema="permit-architect" errors={["Permits", "Uploads"]} hidden={{ draft: loaded.row.id }} uploads={uploads} className="max-w-2xl">
          <TextInput name="architectName" label={t("items.architectName")} defaultValue={loaded.state.architect.name} maxLength={120} autoComplete="off" dir="auto" />
          <TextInput name="registration" label={t("items.registration")} hint={t("hints.registration")} defaultValue={loaded.state.architect.registration} maxLength={30} autoComplete="off" dir="ltr" className="w-48" />
          {files}
          <Submit>{t("save")}</Submit>
        </Form>
      ) : (
        <Form action={saveDocumentsAction} schema="permit-documents" errors={["Permits", "Uploads"]} hidden={{ draft: loaded.row.id, section }} uploads={uploads} className="max-w-2xl">
          {files}
          <Submit>{t("save")}</Submit>
        </Form>
      )}
      <p className="mt-6">
        <a className="link" href={back}>
          {t("backToList")}
        </a>
      </p>
    </>
  );
}
