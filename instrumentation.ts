/**
 * Runs once when a server instance starts. Background work lives here: the payments settle job.
 * (NEXT_RUNTIME is Next's own marker of the runtime, not a setting of ours.)
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startSettleJob } = await import("./app/_payments/settle-job");
  startSettleJob();
}
