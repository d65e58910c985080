/**
 * Runs a local stand-in (the D17 and biller simulators) until `npm start` or the e2e server stops
 * it (SIGTERM, or Ctrl-C): it closes its server, then the process ends. A failed start ends it
 * with exit code 1.
 */
export function serveUntilStopped(start: () => Promise<{ url: string; close(): Promise<void> }>, announce: (url: string) => string): void {
  start()
    .then((sim) => {
      console.info(announce(sim.url));
      let stopping = false;
      async function stop() {
        if (stopping) return;
        stopping = true;
        await sim.close();
        process.exit(0);
      }
      process.on("SIGTERM", () => void stop());
      process.on("SIGINT", () => void stop());
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
