import type { ReactNode } from "react";

/**
 * GOV.UK "check your answers": each answer with a link to change it. Generic (complaints and
 * municipal reports share it): no text of its own, works on the server and inside a client form.
 */
export type CheckAnswer = { label: string; value: ReactNode; changeHref?: string };

export function CheckAnswers({ heading, answers, changeLabel, headingId = "check-answers-heading" }: { heading: string; answers: CheckAnswer[]; changeLabel: string; headingId?: string }) {
  return (
    <section aria-labelledby={headingId} className="mb-8 max-w-2xl">
      <h2 id={headingId} className="mb-4 text-2xl font-bold">
        {heading}
      </h2>
      <dl className="border-t-2 border-line">
        {answers.map((a) => (
          <div key={a.label} className="flex flex-col gap-1 border-b-2 border-line py-3 sm:flex-row sm:gap-4">
            <dt className="font-semibold sm:w-1/3">{a.label}</dt>
            <dd className="whitespace-pre-line break-words sm:w-1/2">{a.value}</dd>
            {a.changeHref ? (
              <dd className="sm:ms-auto">
                <a href={a.changeHref} className="inline-block min-h-11 py-2 text-link underline" data-change>
                  {changeLabel}
                  <span className="sr-only"> {a.label}</span>
                </a>
              </dd>
            ) : null}
          </div>
        ))}
      </dl>
    </section>
  );
}
