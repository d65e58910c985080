import { columnChart } from "@/lib/statistics/chart";

/**
 * A column chart as SVG, drawn on the server, mirrored right to left (lib/statistics/chart.ts),
 * with the same figures as a table for screen readers (the drawing itself is hidden from them: it
 * says nothing the table does not). Numbers come formatted by the page (Intl, -TN locales).
 */
export function ColumnChart({
  id,
  title,
  dir,
  data,
  columns,
  format,
  labelEvery = 1,
}: {
  id: string;
  title: string;
  dir: "ltr" | "rtl";
  data: { label: string; value: number; shortLabel?: string }[];
  /** The table's two column headings. */
  columns: [string, string];
  format: (n: number) => string;
  /** Show one category label in N under the axis (long daily series). */
  labelEvery?: number;
}) {
  const layout = columnChart(data, { dir });
  const anchor = dir === "rtl" ? "start" : "end";
  const tickX = dir === "rtl" ? layout.plot.right + 6 : layout.plot.left - 6;
  return (
    <figure className="mb-10" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="mb-2 text-xl font-bold">
        {title}
      </figcaption>
      <svg viewBox={`0 0 ${layout.width} ${layout.height}`} className="h-auto w-full max-w-3xl" aria-hidden="true" focusable="false" data-chart={id} data-dir={dir}>
        {layout.ticks.map((t) => (
          <g key={t.value}>
            <line x1={layout.plot.left} x2={layout.plot.right} y1={t.y} y2={t.y} stroke="currentColor" strokeOpacity={0.15} />
            <text x={tickX} y={t.y + 4} fontSize={12} textAnchor={anchor} fill="currentColor">
              {format(t.value)}
            </text>
          </g>
        ))}
        <line x1={layout.axisX} x2={layout.axisX} y1={layout.plot.top} y2={layout.plot.bottom} stroke="currentColor" />
        <line x1={layout.plot.left} x2={layout.plot.right} y1={layout.plot.bottom} y2={layout.plot.bottom} stroke="currentColor" />
        {layout.bars.map((b, i) => (
          <g key={`${b.label}-${i}`}>
            <rect x={b.x} y={b.y} width={b.width} height={b.height} className="fill-brand" data-value={b.value} />
            {i % labelEvery === 0 ? (
              <text x={b.x + b.width / 2} y={layout.plot.bottom + 16} fontSize={11} textAnchor="middle" fill="currentColor">
                {data[i]?.shortLabel ?? b.label}
              </text>
            ) : null}
          </g>
        ))}
      </svg>
      <table className="sr-only" data-chart-table={id}>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{columns[0]}</th>
            <th scope="col">{columns[1]}</th>
          </tr>
        </thead>
        <tbody>
          {data.map((d, i) => (
            <tr key={`${d.label}-${i}`}>
              <th scope="row">{d.label}</th>
              <td>{format(d.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
