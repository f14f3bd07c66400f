import 'server-only';
import http from 'node:http';
import { closeDbHandle } from '@/db';
import { stopBoss } from '@/lib/jobs/boss';
import { log } from '@/lib/log';

export interface ShutdownOptions {
  /** How long in-flight requests may take to finish after the signal (default 10 s). */
  graceMs?: number;
  /** Bound on each closing step after that (pg-boss, the database), default 5 s. */
  stepMs?: number;
}

const g = globalThis as unknown as { __tcShutdownInstalled?: boolean; __tcShuttingDown?: boolean };

function within<T>(ms: number, work: Promise<T>): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([work, new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), ms)))]).finally(() => clearTimeout(timer));
}

/**
 * The HTTP servers of this process. Next keeps its server to itself; the process's active handles are the one way
 * to reach it from instrumentation (an internal but long-stable Node API, hence the guard).
 */
function httpServers(): http.Server[] {
  const handles = (process as unknown as { _getActiveHandles?: () => unknown[] })._getActiveHandles?.() ?? [];
  return handles.filter((h): h is http.Server => h instanceof http.Server);
}

/**
 * Next's server.close() refuses new connections, but a client on a keep-alive connection could go on sending
 * requests on it for ever (measured: ten clients kept a draining server busy past its 10 s bound). From the signal
 * on, every response says `Connection: close`, so each open connection carries at most its current request.
 */
function closeConnectionsAfterTheirResponse(): void {
  for (const server of httpServers()) {
    server.prependListener('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
      if (!res.headersSent) res.setHeader('connection', 'close');
    });
  }
}

/**
 * A keep-alive connection whose request was already running at the signal ends idle instead, and would hold the
 * close (and so the exit) for up to the keep-alive timeout (5 s). Closing idle connections as they appear lets the
 * shutdown end when the last response does; a connection with a request in flight is never touched.
 */
function closeIdleConnectionsWhileDraining(): () => void {
  const timer = setInterval(() => {
    for (const server of httpServers()) if (!server.listening) server.closeIdleConnections();
  }, 100);
  return () => clearInterval(timer);
}

/**
 * Clean shutdown of `next start` on SIGTERM/SIGINT, in this order:
 *  1. Next's own handler (node_modules/next/dist/server/lib/start-server.js) closes the listening socket — no new
 *     connections — and waits for the requests in flight, then calls process.exit(143 | 130). We hold that exit,
 *     answer every request from now on with `Connection: close`, and close keep-alive connections as their last
 *     request ends (else each holds the close for 5 s);
 *  2. in-flight requests get `graceMs` to finish (after that we go on and exit 1);
 *  3. pg-boss stops (its active jobs finish; unfinished ones are retried by the next worker);
 *  4. the database handle closes: PGlite checkpoints and releases its lock file, postgres-js ends its connections;
 *  5. exit 0 (1 when something had to be cut short), so a supervisor can tell a clean stop from a crash.
 * Needs Next's handler: do not set NEXT_MANUAL_SIG_HANDLE.
 */
export function installGracefulShutdown(opts: ShutdownOptions = {}): void {
  if (g.__tcShutdownInstalled) return;
  g.__tcShutdownInstalled = true;
  const graceMs = opts.graceMs ?? 10_000;
  const stepMs = opts.stepMs ?? 5_000;
  const realExit = process.exit.bind(process);

  const onSignal = (signal: NodeJS.Signals) => {
    if (g.__tcShuttingDown) return;
    g.__tcShuttingDown = true;
    const started = Date.now();
    log().info({ signal, graceMs }, 'shutting down: finishing requests in flight');
    closeConnectionsAfterTheirResponse();
    let nextDone!: () => void;
    const requestsDrained = new Promise<void>((r) => (nextDone = r));
    // Next calls process.exit once its server is closed and its requests are done; that is our cue, not the end.
    process.exit = ((code?: number) => {
      log().debug({ code }, 'next closed its server');
      nextDone();
    }) as typeof process.exit;
    // Whatever hangs, the process ends: past every bound, exit 1.
    setTimeout(() => {
      log().error({ ms: Date.now() - started }, 'shutdown took too long; exiting');
      realExit(1);
    }, graceMs + 3 * stepMs).unref();

    void (async () => {
      let clean = true;
      const stopClosingIdle = closeIdleConnectionsWhileDraining();
      const drained = await within(graceMs, requestsDrained);
      stopClosingIdle();
      if (drained === 'timeout') {
        clean = false;
        log().warn({ graceMs }, 'requests still in flight at the shutdown deadline; stopping anyway');
      }
      const steps: [string, () => Promise<void>][] = [
        ['job queue', stopBoss],
        ['database', closeDbHandle],
      ];
      for (const [name, step] of steps) {
        try {
          if ((await within(stepMs, step())) === 'timeout') {
            clean = false;
            log().warn({ step: name, stepMs }, 'shutdown step timed out');
          }
        } catch (err) {
          clean = false;
          log().error({ err, step: name }, 'shutdown step failed');
        }
      }
      log().info({ ms: Date.now() - started, clean }, 'shut down');
      realExit(clean ? 0 : 1);
    })();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
