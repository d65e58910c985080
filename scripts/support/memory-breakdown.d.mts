type Rollup = { rssMb: number; anonymousMb: number; filesMb: number };
export type MemoryBreakdown = {
  before: Rollup;
  afterGc?: Rollup;
  v8?: { heapUsedMb: number; heapTotalMb: number; externalMb: number; arrayBuffersMb: number };
  error?: string;
};
/** The Next server among `pid` and its descendants. */
export function nextServerPid(pid: number): number | null;
/** The Next server's memory as it is and after a full GC (scripts/support/memory-breakdown.mjs). */
export function memoryBreakdown(pid: number): Promise<MemoryBreakdown>;
