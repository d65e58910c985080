/**
 * The geometry of a column chart drawn on the server as SVG (no chart library): one column per
 * category, heights on a "nice" scale from zero. Right to left, the category axis is mirrored —
 * the first category (the earliest day) stands at the right and the value axis on the right edge,
 * as an Arabic reader reads. Pure, so it is tested without a browser.
 */
export type ChartBar = { label: string; value: number; x: number; y: number; width: number; height: number };
export type ChartTick = { value: number; y: number };
export type ChartLayout = { width: number; height: number; plot: { left: number; right: number; top: number; bottom: number }; axisX: number; bars: ChartBar[]; ticks: ChartTick[]; max: number };

/** 1, 2, 5 × 10^n: the smallest such step that gives at most `count` intervals up to `max`. */
export function niceMax(max: number, count = 4): { top: number; step: number } {
  if (max <= 0) return { top: 1, step: 1 };
  const raw = max / count;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? 10 * pow;
  const s = Math.max(1, step);
  return { top: Math.ceil(max / s) * s, step: s };
}

export function columnChart(data: { label: string; value: number }[], opts: { dir: "ltr" | "rtl"; width?: number; height?: number }): ChartLayout {
  const width = opts.width ?? 640;
  const height = opts.height ?? 240;
  const axisGap = 48;
  const plot = { left: opts.dir === "rtl" ? 8 : axisGap, right: opts.dir === "rtl" ? width - axisGap : width - 8, top: 12, bottom: height - 28 };
  const max = Math.max(0, ...data.map((d) => d.value));
  const { top, step } = niceMax(max);
  const slot = data.length > 0 ? (plot.right - plot.left) / data.length : 0;
  const barWidth = Math.max(1, slot * 0.7);
  const scale = (v: number) => ((plot.bottom - plot.top) * v) / top;
  const bars = data.map((d, i) => {
    // The i-th category from the start side: the left in LTR, the right in RTL.
    const start = opts.dir === "rtl" ? plot.right - (i + 1) * slot : plot.left + i * slot;
    const h = scale(Math.max(0, d.value));
    return { label: d.label, value: d.value, x: start + (slot - barWidth) / 2, y: plot.bottom - h, width: barWidth, height: h };
  });
  const ticks: ChartTick[] = [];
  for (let v = 0; v <= top; v += step) ticks.push({ value: v, y: plot.bottom - scale(v) });
  return { width, height, plot, axisX: opts.dir === "rtl" ? plot.right : plot.left, bars, ticks, max: top };
}
