import type { ReactNode } from "react";

/**
 * A table of records that may be wider than the screen: it scrolls inside a region named by its
 * heading (or caption) that takes focus, so a keyboard can scroll it too (WCAG 1.4.10), under one
 * row of column headers. `relative`: visually hidden labels of buttons in the rows are absolutely
 * positioned and would otherwise widen the whole page past the screen (to the left, in Arabic).
 *
 *     <ScrollTable labelledBy="accounts-heading" columns={[t("columns.name"), t("columns.phone")]}>
 *       {accounts.map((a) => <tr key={a.id} className="border-b border-line align-top">…</tr>)}
 *     </ScrollTable>
 */
export function ScrollTable({ labelledBy, caption, columns, children }: { labelledBy: string; caption?: ReactNode; columns: ReactNode[]; children: ReactNode }) {
  return (
    <div className="relative overflow-x-auto focus:outline-3 focus:outline-focus" tabIndex={0} role="region" aria-labelledby={labelledBy}>
      <table className="w-full border-collapse text-start">
        {caption ? (
          <caption id={labelledBy} className="mb-2 text-start text-xl font-bold">
            {caption}
          </caption>
        ) : null}
        <thead>
          <tr className="border-b-2 border-ink">
            {columns.map((c, i) => (
              <th key={i} scope="col" className="p-2 text-start">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
