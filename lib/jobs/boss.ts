/**
 * The job queue for scheduled work: pg-boss 10 in its own PostgreSQL schema beside the app's
 * tables (docs/decisions/009-scheduled-jobs.md). It creates or migrates that schema on start.
 * No server-only imports: scripts/worker.ts runs this outside Next.js.
 */
import PgBoss from "pg-boss";

export const JOBS_SCHEMA = "pgboss";

/** Tests shorten the polling intervals; the worker keeps pg-boss's defaults. */
export type BossTuning = Pick<
  PgBoss.ConstructorOptions,
  "pollingIntervalSeconds" | "cronMonitorIntervalSeconds" | "cronWorkerIntervalSeconds" | "clockMonitorIntervalSeconds"
>;

export async function startBoss(databaseUrl: string, options: { log?: (line: string) => void; poolSize?: number } & BossTuning = {}): Promise<PgBoss> {
  const { log = (line: string) => console.error(`[jobs] ${line}`), poolSize = 4, ...tuning } = options;
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: JOBS_SCHEMA,
    application_name: "verkstad-jobs",
    max: poolSize,
    ...tuning,
  });
  // Without a listener an 'error' event (a lost connection during polling, say) would end the process.
  boss.on("error", (error) => log(`pg-boss: ${error.message}`));
  await boss.start();
  return boss;
}

/**
 * Stops fetching, waits up to `timeoutMs` for running handlers, then closes the pool. A handler
 * still running then is marked failed and retried by another worker.
 */
export async function stopBoss(boss: PgBoss, timeoutMs = 15_000): Promise<void> {
  await boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
}
