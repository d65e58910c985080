import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { localePath, type Locale } from "@/lib/i18n/routing";
import { getLesson } from "@/lib/learning/lessons";

/** "Learn how this works": from a real journey to its lesson (the lesson links back). */
export async function LessonLink({ locale, slug }: { locale: Locale; slug: string }) {
  const lesson = getLesson(slug, locale);
  if (!lesson) return null;
  const t = await getTranslations({ locale, namespace: "Lessons" });
  return (
    <p className="mb-4">
      <Link prefetch={false} className="link inline-flex min-h-11 items-center gap-2" href={localePath(locale, `/learn/${slug}`)}>
        <svg aria-hidden width="20" height="20" viewBox="0 0 24 24" className="shrink-0">
          <path d="M12 3L1 9l11 6 9-4.9V17h2V9zM5 13.2v4L12 21l7-3.8v-4L12 17z" fill="currentColor" />
        </svg>
        {t("learnHow", { title: lesson.title })}
      </Link>
    </p>
  );
}
