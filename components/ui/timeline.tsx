import type { ReactNode } from "react";

export type TimelineItem = { id: string; title: ReactNode; when: ReactNode; dateTime: string; by?: ReactNode; body?: ReactNode; internal?: boolean; internalLabel?: string };

/** Newest first; each entry's time is a <time> with a machine-readable value. */
export function Timeline({ label, items }: { label: string; items: TimelineItem[] }) {
  return (
    <ol aria-label={label} className="flex flex-col border-s-4 border-line">
      {items.map((item) => (
        <li key={item.id} className={`relative ps-5 pb-6 ${item.internal ? "bg-[#fff7bf]/40" : ""}`}>
          <span aria-hidden className="absolute -start-[10px] top-1.5 size-4 rounded-full border-4 border-white bg-ink" />
          <h3 className="font-bold">
            {item.title}
            {item.internal && item.internalLabel ? <span className="ms-2 text-sm font-normal text-warning">({item.internalLabel})</span> : null}
          </h3>
          <p className="text-sm text-muted">
            <time dateTime={item.dateTime}>{item.when}</time>
            {item.by ? <> · {item.by}</> : null}
          </p>
          {/* A message is a person's words: its own direction (components/ui/user-text.tsx). */}
          {item.body ? <div dir="auto" data-user-text className="mt-1 whitespace-pre-line">{item.body}</div> : null}
        </li>
      ))}
    </ol>
  );
}
