import type { ReactNode } from "react";

/**
 * GOV.UK "check your answers": each answer with a link back to the question that asked it. The
 * link text is "Change" followed by the question for screen readers (visually hidden). Generic
 * (requests, municipal reports and interview bookings share it): no text of its own, works on the server and inside
 * a client form; with a heading, the list is a section named by it.
 */
export type CheckAnswer = { label: string; value: ReactNode; changeHref?: string };

export function CheckAnswers({ items, changeLabel, heading, headingId = "check-answers-heading" }: { items: CheckAnswer[]; changeLabel: string; heading?: string; headingId?: string }) {
  const list = (
    <dl className="mb-8 max-w-3xl border-t-2 border-line">
      {items.map((item) => (
        <div key={item.label} className="grid gap-1 border-b border-line py-3 sm:grid-cols-[14rem_1fr_auto] sm:gap-4">
          <dt className="font-semibold">{item.label}</dt>
          {/* Answers are the person's own words: laid out by their own direction (components/ui/user-text.tsx). */}
          <dd dir="auto" data-user-text className="whitespace-pre-line break-words">{item.value}</dd>
          <dd>
            {item.changeHref ? (
              <a href={item.changeHref} className="link inline-flex min-h-11 items-center" data-change>
                {changeLabel}
                <span className="sr-only"> {item.label}</span>
              </a>
            ) : null}
          </dd>
        </div>
      ))}
    </dl>
  );
  if (!heading) return list;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="mb-4 text-2xl font-bold">
        {heading}
      </h2>
      {list}
    </section>
  );
}
