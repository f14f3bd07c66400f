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
    const [{ startJobsInProcess }, { JOBS }] = await Promise.all([import('./lib/jobs/in-process'), import('./lib/cli/jobs')]);
    await startJobsInProcess(JOBS);
  }
}
