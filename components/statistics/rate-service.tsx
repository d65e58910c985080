import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import { loadRatingState } from "@/lib/statistics/ratings";
import { rateServiceAction } from "@/lib/statistics/actions";
import type { RatingSubject } from "@/lib/statistics/forms";
import { Form } from "@/components/forms/form";
import { Radios, Submit } from "@/components/forms/fields";

/** "How was it?" after an interview that is over or a payment that went through: 1 to 5 stars, once. */
export async function RateService({ locale, subject, subjectId, userId }: { locale: Locale; subject: RatingSubject; subjectId: string; userId: string }) {
  const state = await loadRatingState({ subject, subjectId, userId });
  if ("may" in state && !state.may) return null;
  const t = await getTranslations({ locale, namespace: "Ratings" });
  return (
    <section aria-labelledby={`rate-${subject}-heading`} className="mb-8 max-w-2xl print:hidden">
      <h2 id={`rate-${subject}-heading`} className="mb-4 text-xl font-bold">
        {t(`heading.${subject}`)}
      </h2>
      {"stars" in state ? (
        <p>{t("given", { stars: state.stars })}</p>
      ) : (
        <Form action={rateServiceAction} id={`rate-${subject}`} schema="service-rating" errors={["Ratings"]} hidden={{ subject, subjectId }} success={t("thanks")}>
          <Radios name="stars" label={t(`question.${subject}`)} options={[5, 4, 3, 2, 1].map((stars) => ({ value: String(stars), label: t("option", { stars }) }))} />
          <Submit>{t("send")}</Submit>
        </Form>
      )}
    </section>
  );
}
