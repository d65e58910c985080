import { getTranslations } from "next-intl/server";
import { publicAppUrl } from "@/lib/env";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";
import { referenceOf } from "@/lib/partner-api/reference";

export const generateMetadata = titled("Developers.title");

/**
 * The partner API's reference, rendered on the server from the same OpenAPI document as
 * /api/v1/openapi.json (no API explorer bundle). The document is in English, the language of its
 * identifiers; the page's own words are translated.
 */
export default async function DevelopersPage({ params }: PageProps<"/[locale]/developers">) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Developers" });
  const ref = referenceOf({ serverUrl: publicAppUrl() });
  return (
    <div className="max-w-4xl">
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-4 text-lg">{t("lead")}</p>
      <p className="mb-8">
        <a className="link inline-flex min-h-11 items-center font-semibold" href="/api/v1/openapi.json" dir="ltr">
          /api/v1/openapi.json
        </a>
      </p>
      <section aria-labelledby="auth" className="mb-8">
        <h2 id="auth" className="mb-3 text-2xl font-bold">{t("authHeading")}</h2>
        <p className="mb-2">{t("auth")}</p>
        <pre tabIndex={0} dir="ltr" lang="en" className="overflow-x-auto rounded bg-canvas p-3 text-start text-sm">{`curl -H "Authorization: Bearer idk_…" ${ref.serverUrl}/api/v1/cases`}</pre>
        <p className="mt-2" lang="en" dir="ltr">{ref.description}</p>
      </section>
      <nav aria-labelledby="ops" className="mb-8">
        <h2 id="ops" className="mb-3 text-2xl font-bold">{t("operationsHeading")}</h2>
        <ul className="flex list-disc flex-col gap-1 ps-6">
          {ref.operations.map((op) => (
            <li key={op.id}>
              <a className="link inline-flex min-h-11 items-center" href={`#${op.id}`}>
                <span dir="ltr" lang="en">{`${op.method.toUpperCase()} ${op.path}`}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {ref.operations.map((op) => (
        <section key={op.id} id={op.id} aria-labelledby={`${op.id}-h`} className="mb-10 border-t border-line pt-6">
          <h2 id={`${op.id}-h`} className="mb-2 text-2xl font-bold" dir="ltr" lang="en">
            <code>{op.method.toUpperCase()}</code> <code>{op.path}</code>
          </h2>
          <div lang="en" dir="ltr" className="text-start">
            <p className="mb-2 font-semibold">{op.summary}</p>
            <p className="mb-4 whitespace-pre-line">{op.description}</p>
          </div>
          {op.parameters.length > 0 ? (
            <>
              <h3 className="mb-2 text-xl font-bold">{t("parameters")}</h3>
              <table className="mb-4 w-full border-collapse text-start">
                <thead>
                  <tr className="border-b border-line">
                    <th scope="col" className="p-2 text-start">{t("name")}</th>
                    <th scope="col" className="p-2 text-start">{t("in")}</th>
                    <th scope="col" className="p-2 text-start">{t("required")}</th>
                    <th scope="col" className="p-2 text-start">{t("schema")}</th>
                  </tr>
                </thead>
                <tbody>
                  {op.parameters.map((p) => (
                    <tr key={`${p.in}-${p.name}`} className="border-b border-line align-top">
                      <th scope="row" className="p-2 text-start font-normal">
                        <code dir="ltr">{p.name}</code>
                      </th>
                      <td className="p-2"><code dir="ltr">{p.in}</code></td>
                      <td className="p-2">{p.required ? t("yes") : t("no")}</td>
                      <td className="p-2" dir="ltr" lang="en">
                        <code className="break-all">{p.schema}</code>
                        {p.description ? <span className="block">{p.description}</span> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : null}
          {op.requestBody ? (
            <>
              <h3 className="mb-2 text-xl font-bold">{t("requestBody")}</h3>
              <pre tabIndex={0} dir="ltr" lang="en" className="mb-4 overflow-x-auto rounded bg-canvas p-3 text-start text-sm">{op.requestBody}</pre>
            </>
          ) : null}
          <h3 className="mb-2 text-xl font-bold">{t("responses")}</h3>
          <dl className="mb-4">
            {op.responses.map((r) => (
              <div key={r.status} className="mb-2">
                <dt className="font-semibold" dir="ltr">
                  <code>{r.status}</code> <code>{r.schema}</code>
                </dt>
                <dd lang="en" dir="ltr" className="ps-6 text-start">{r.description}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <section aria-labelledby="schemas" className="border-t border-line pt-6">
        <h2 id="schemas" className="mb-3 text-2xl font-bold">{t("schemasHeading")}</h2>
        {ref.schemas.map((s) => (
          <div key={s.name} id={`schema-${s.name}`} className="mb-6">
            <h3 className="mb-2 text-xl font-bold" dir="ltr"><code>{s.name}</code></h3>
            <pre tabIndex={0} dir="ltr" lang="en" className="overflow-x-auto rounded bg-canvas p-3 text-start text-sm">{s.json}</pre>
          </div>
        ))}
      </section>
    </div>
  );
}
