import type { ChildProcess } from "node:child_process";

/** The one way a bench starts the app (scripts/support/bench-server.mjs). */
export function startBenchServer(opts: {
  port: number;
  name: string;
  env?: Record<string, string | undefined>;
  stdio?: "ignore" | "inherit";
}): Promise<{ proc: ChildProcess; base: string; stop: () => void }>;

/** Ends a bench with its main's exit code (1 when it throws); the app it started is stopped. */
export function exitWith(main: Promise<number>, deadline?: NodeJS.Timeout): void;
