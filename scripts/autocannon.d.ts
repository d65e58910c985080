// The few parts of autocannon 9 (which ships no types) that scripts/bench-shedding.ts and bench-load.ts use.
declare module "autocannon" {
  import type { EventEmitter } from "node:events";
  type Options = {
    url: string;
    headers?: Record<string, string>;
    connections?: number;
    duration?: number;
    timeout?: number;
    overallRate?: number;
    /** Cycled through by each connection. */
    requests?: { method?: string; path: string }[];
    setupClient?: (client: EventEmitter) => void;
  };
  type Result = { timeouts: number; errors: number; requests: { total: number } };
  export default function autocannon(opts: Options): Promise<Result>;
}
