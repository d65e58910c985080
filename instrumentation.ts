/**
 * Runs once when a server instance starts (Node runtime only): the background work of each
 * instance. Several instances may run them; each claims its work in the database so nothing is
 * done twice. (NEXT_RUNTIME is Next's own marker of the runtime, not a setting of ours.)
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // First, so that the bound holds from the first request (lib/http/shedding.ts).
  const { env } = await import("./lib/env");
  const { installShedding } = await import("./lib/http/shed-server");
  installShedding({ limit: env().SHED_MAX_IN_FLIGHT, retryAfterSeconds: env().SHED_RETRY_AFTER_SECONDS });
  // Data-saver mode: no router prefetch (lib/http/save-data.ts).
  const { installSaveData } = await import("./lib/http/save-data-server");
  installSaveData();
  // Router requests marked for proxy.ts, which serves visits of public pages lean (lib/lean).
  const { installRouterMark } = await import("./lib/lean/router-mark-server");
  installRouterMark();
  const { startDispatcher } = await import("./lib/notifications/runner");
  startDispatcher();
  const { startSettleJob } = await import("./app/_payments/settle-job");
  startSettleJob();
  const { startInterviewJobs, startInterviewHousekeeping } = await import("./lib/interviews/jobs");
  startInterviewJobs();
  startInterviewHousekeeping();
  const { startLearningJobs } = await import("./lib/learning/jobs");
  startLearningJobs();
  const { startAssistedHousekeeping } = await import("./lib/assisted/jobs");
  startAssistedHousekeeping();
  const { startHousekeeping } = await import("./lib/housekeeping");
  startHousekeeping();
}
