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
    const { startJobsInProcess } = await import('./lib/jobs/in-process');
    await startJobsInProcess();
  }
}
