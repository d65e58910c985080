/**
 * Runs once when a server instance starts (Node runtime only): the background work of each
 * instance. Several instances may run them; each claims its work in the database so nothing is
 * done twice. (NEXT_RUNTIME is Next's own marker of the runtime, not a setting of ours.)
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // The HTTP server's request hooks (lib/http/request-hooks.ts), installed before the first
  // request and run in this order: router requests marked for proxy.ts, which serves visits of
  // public pages lean (lib/lean); data-saver mode's prefetches answered empty (lib/http/save-data.ts);
  // then the shedding gate's bound (lib/http/shedding.ts).
  const { env } = await import("./lib/env");
  const { installRouterMark } = await import("./lib/lean/router-mark-server");
  installRouterMark();
  const { installSaveData } = await import("./lib/http/save-data-server");
  installSaveData();
  const { installShedding } = await import("./lib/http/shed-server");
  installShedding({ limit: env().SHED_MAX_IN_FLIGHT, retryAfterSeconds: env().SHED_RETRY_AFTER_SECONDS });
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
  const { startPartnerWebhooks } = await import("./lib/partner-api/jobs");
  startPartnerWebhooks();
  const { startStatisticsJobs } = await import("./lib/statistics/jobs");
  startStatisticsJobs();
  const { startHousekeeping } = await import("./lib/housekeeping");
  startHousekeeping();
  // The published content (docs/adr/0023): loaded now, then checked for other instances' publishes.
  const { startContentSync } = await import("./lib/content/live");
  startContentSync(env().CONTENT_SYNC_INTERVAL_SECONDS, env().PORT);
}
