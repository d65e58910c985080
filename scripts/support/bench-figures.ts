// The figures every load bench computes (scripts/bench-*.ts): percentiles of latencies and the
// resident memory of a server with its children. One copy, so that each bench's p95 means the same.
import { readFileSync } from "node:fs";

/** The p-th percentile (nearest rank) of unsorted values; NaN when there are none. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Resident memory of a process and its children (MB), from /proc (Linux; 0 elsewhere). */
export function rssMb(pid: number): number {
  let kb = 0;
  const walk = (p: number) => {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
      for (const t of readFileSync(`/proc/${p}/task/${p}/children`, "utf8").trim().split(/\s+/).filter(Boolean)) walk(Number(t));
    } catch {
      // gone, or not Linux
    }
  };
  walk(pid);
  return Math.round(kb / 1024);
}
