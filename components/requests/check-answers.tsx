import type { ReactNode } from "react";

/**
 * GOV.UK "check your answers": each answer with a link back to the question that asked it. The
 * link text is "Change" followed by the question for screen readers (visually hidden).
 */
export type CheckAnswer = { label: string; value: ReactNode; changeHref?: string };

export function CheckAnswers({ items, changeLabel }: { items: CheckAnswer[]; changeLabel: string }) {
  return (
    <dl className="mb-8 max-w-3xl border-t-2 border-line">
      {items.map((item) => (
        <div key={item.label} className="grid gap-1 border-b border-line py-3 sm:grid-cols-[14rem_1fr_auto] sm:gap-4">
          <dt className="font-semibold">{item.label}</dt>
          <dd className="whitespace-pre-line break-words">{item.value}</dd>
          <dd>
            {item.changeHref ? (
              <a href={item.changeHref} className="link inline-flex min-h-11 items-center">
                {changeLabel}
                <span className="sr-only"> {item.label}</span>
              </a>
            ) : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}
