/**
 * Starts the notification dispatcher in each server process (Node runtime only). Several app
 * instances may run it: deliveries are claimed with SKIP LOCKED, so none is sent twice.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startDispatcher } = await import("./lib/notifications/runner");
  startDispatcher();
}
