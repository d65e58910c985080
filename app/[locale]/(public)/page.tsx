import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { localePath } from "@/lib/i18n/routing";
import { pageLocale } from "@/lib/i18n/page-locale";

const tasks = [
  { key: "services", href: "/services" },
  { key: "houses", href: "/houses" },
  { key: "pay", href: "/pay" },
  { key: "complain", href: "/requests" },
  { key: "interview", href: "/interviews" },
  { key: "learn", href: "/learn" },
  { key: "myFile", href: "/my" },
] as const;

export default async function HomePage({ params }: PageProps<"/[locale]">) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Home" });
  return (
    <>
      <section className="mb-10">
        <h1 className="mb-4 text-3xl font-bold sm:text-4xl">{t("title")}</h1>
        <p className="max-w-3xl text-lg">{t("lead")}</p>
      </section>
      <section aria-labelledby="tasks-heading" className="mb-10">
        <h2 id="tasks-heading" className="mb-4 text-2xl font-bold">
          {t("tasksHeading")}
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {tasks.map((task) => (
            <li key={task.key}>
              <Card href={localePath(locale, task.href)} title={t(`tasks.${task.key}.title`)}>
                {t(`tasks.${task.key}.text`)}
              </Card>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="help-heading" className="border-s-8 border-brand bg-canvas p-4">
        <h2 id="help-heading" className="mb-2 text-xl font-bold">
          {t("helpHeading")}
        </h2>
        <p className="max-w-3xl">{t("helpText")}</p>
        <p className="mt-2">
          <Link prefetch={false} className="link inline-flex min-h-11 items-center" href={localePath(locale, "/help")}>
            {t("helpLink")}
          </Link>
        </p>
      </section>
    </>
  );
}
