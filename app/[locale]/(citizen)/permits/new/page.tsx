import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { formatDate } from "@/lib/i18n/format";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";
import { localePath } from "@/lib/i18n/routing";
import { startPermitAction } from "@/lib/permits/actions";
import { listPermitDrafts } from "@/lib/permits/drafts";
import { Form } from "@/components/forms/form";
import { Submit } from "@/components/forms/fields";

export const dynamic = "force-dynamic";
export const generateMetadata = titled("Permits.newTitle");

/** The start of a building-permit file (issue 17): the files in progress, or a new one (a draft on the server). */
export default async function NewPermitPage({ params }: PageProps<"/[locale]/permits/new">) {
  const locale = await pageLocale(params);
  const actor = await requirePageActor(locale, localePath(locale, "/permits/new"), { roles: ["citizen"] });
  const t = await getTranslations({ locale, namespace: "Permits" });
  const drafts = await listPermitDrafts(actor.userId);
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t("newTitle")}</h1>
      <p className="mb-6 max-w-2xl text-lg">{t("newIntro")}</p>
      {drafts.length ? (
        <section aria-labelledby="drafts-heading" className="mb-8">
          <h2 id="drafts-heading" className="mb-2 text-xl font-bold">
            {t("continueHeading")}
          </h2>
          <ul className="flex flex-col gap-2">
            {drafts.map((d) => (
              <li key={d.id}>
                <a className="link" href={localePath(locale, `/permits/${d.id}`)}>
                  {t("continueLink", { date: formatDate(d.createdAt, locale, "date") })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Form action={startPermitAction} errors={["Permits"]}>
        <Submit>{t("start")}</Submit>
      </Form>
      <p className="mt-8">
        <a className="link" href={localePath(locale, "/permit-decisions")}>
          {t("register.link")}
        </a>
      </p>
    </>
  );
}
