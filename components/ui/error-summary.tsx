export type SummaryError = { href: string; message: string };

/**
 * GOV.UK error summary. `autoFocus` on a tabIndex=-1 container is honoured by the browser on a
 * server-rendered page (no JavaScript needed) and by React when a client form re-renders it.
 */
export function ErrorSummary({ title, errors }: { title: string; errors: SummaryError[] }) {
  if (errors.length === 0) return null;
  return (
    <div
      role="alert"
      aria-labelledby="error-summary-title"
      tabIndex={-1}
      autoFocus
      className="mb-8 border-4 border-danger p-4 focus:outline-3 focus:outline-focus"
      data-error-summary
    >
      <h2 id="error-summary-title" className="mb-2 text-xl font-bold">
        {title}
      </h2>
      <ul className="flex flex-col gap-1">
        {errors.map((e) => (
          <li key={e.href + e.message}>
            <a href={e.href} className="font-semibold text-danger underline">
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
