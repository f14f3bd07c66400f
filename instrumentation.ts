/**
 * Next.js calls register() once when a server instance starts. The literal NEXT_RUNTIME / NEXT_PHASE checks are
 * Next's documented convention (they let the bundler drop Node-only code) and keep `next build` away from the database.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { installConsoleRedaction } = await import('./lib/console-redaction');
    installConsoleRedaction();
  }
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    // A production server refuses to start without the configuration sign-in links are built from (lib/env.ts).
    if (process.env.NODE_ENV === 'production') {
      const { startupConfigError } = await import('./lib/env');
      const problem = startupConfigError();
      if (problem) {
        console.error(problem);
        process.exit(1);
      }
    }
    // First, so a signal that arrives while the rest starts up is already handled cleanly.
    const { installGracefulShutdown } = await import('./lib/server/shutdown');
    installGracefulShutdown();
    // The embedded database opens now, not on the first request: a folder it cannot open stops the server with
    // what to do (db/client.ts pgliteOpenFailure), instead of every request failing.
    const { env } = await import('./lib/env');
    if (!env().DATABASE_URL) {
      const { getDbHandle } = await import('./db');
      try {
        await getDbHandle();
      } catch (err) {
        console.error(err instanceof Error ? err.message : err);
        process.exit(1);
      }
    }
    const [{ startJobsInProcess }, { JOBS }] = await Promise.all([import('./lib/jobs/in-process'), import('./lib/cli/jobs')]);
    await startJobsInProcess(JOBS);
  }
}
