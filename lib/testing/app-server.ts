/**
 * A production server (`next start` of an existing build) as a child process a test controls: start it on a port
 * with its own environment, stop it with a signal and see how it exits, or SIGKILL it. Used by the fault tests
 * (lib/server/faults*.test.ts) and by anything that needs several instances on one database.
 *
 * The build is the caller's: run `ensureProductionBuildLocked(E2E_DIST_DIR, { e2eFactories: true })` from
 * lib/cli/production-build.ts first (test files may import lib/cli; this file may not, see lib/architecture.test.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export interface AppServerOptions {
  /** A free port when omitted (asked of the OS). */
  port?: number;
  /** The build folder (NEXT_DIST_DIR); default `.next-e2e`, the e2e build with the test factories. */
  distDir?: string;
  /**
   * The server's environment on top of the defaults below (DEMO_MODE, E2E_FACTORIES, AUTH_*, generous rate limits).
   * Pass DATABASE_URL for PostgreSQL or PGLITE_DIR for the embedded database; `undefined` removes a variable.
   */
  env?: Record<string, string | undefined>;
  /** How long to wait for GET /api/health to answer 200 (default 60 s). */
  readyTimeoutMs?: number;
  /** Copy the server's output to this process's stderr as it arrives (default: only kept, see `output()`). */
  echo?: boolean;
}

interface AppExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** From the signal (or kill) to the process's exit. */
  ms: number;
}

export interface AppServer {
  url: string;
  port: number;
  pid: number;
  /** Sends `signal` (default SIGTERM) and resolves when the process has exited (or rejects after `timeoutMs`). */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<AppExit>;
  /** SIGKILL: no shutdown code runs. Resolves when the process is gone. */
  kill(): Promise<AppExit>;
  /** Resolves when the process exits, for whatever reason. */
  exited: Promise<AppExit>;
  /** Everything the server wrote to stdout and stderr so far. */
  output(): string;
}

/** A port nobody listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const NEXT_BIN = path.resolve('node_modules/next/dist/bin/next');

/**
 * Starts `next start` (node directly, no npx in between, so a signal reaches the server itself) and waits until
 * /api/health answers 200. Rejects, with the server's output, when it exits or does not become healthy in time.
 */
export async function startAppServer(opts: AppServerOptions = {}): Promise<AppServer> {
  const port = opts.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const distDir = opts.distDir ?? '.next-e2e';
  if (!fs.existsSync(path.join(distDir, 'BUILD_ID'))) throw new Error(`No production build in ${distDir}: build it first (ensureProductionBuildLocked).`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_DIST_DIR: distDir,
    NEXT_TELEMETRY_DISABLED: '1',
    AUTH_SECRET: 'app-server-secret-not-for-production-0123456789',
    AUTH_TRUST_HOST: undefined,
    APP_URL: url,
    AUTH_URL: url,
    DEMO_MODE: 'true',
    E2E_FACTORIES: 'true',
    SMTP_URL: undefined,
    STRIPE_SECRET_KEY: undefined,
    MIGRATION_DATABASE_URL: undefined,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_SIGNIN_EMAIL: '1000/15m',
    RATE_LIMIT_SIGNIN_IP: '10000/15m',
    RATE_LIMIT_MESSAGES: '10000/10m',
    RATE_LIMIT_INTAKES: '10000/1h',
    RATE_LIMIT_HOLDS: '10000/15m',
    RATE_LIMIT_UPLOADS: '10000/1h',
    RATE_LIMIT_ANONYMOUS_AUDIT: '10000/10m',
    // vitest's own markers would otherwise reach the server.
    VITEST: undefined,
    VITEST_POOL_ID: undefined,
    VITEST_WORKER_ID: undefined,
    ...opts.env,
  };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];

  const child: ChildProcess = spawn(process.execPath, [NEXT_BIN, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const collect = (chunk: Buffer) => {
    const s = chunk.toString('utf8');
    out += s;
    if (opts.echo) process.stderr.write(s);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  let signalledAt = 0;
  const exited = new Promise<AppExit>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal, ms: signalledAt ? Date.now() - signalledAt : 0 }));
  });
  let gone = false;
  void exited.then(() => {
    gone = true;
  });

  const deadline = Date.now() + (opts.readyTimeoutMs ?? 60_000);
  for (;;) {
    if (gone) throw new Error(`next start exited before it was healthy:\n${out}`);
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`next start did not become healthy within ${opts.readyTimeoutMs ?? 60_000} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }

  const signalAndWait = async (signal: NodeJS.Signals, timeoutMs: number): Promise<AppExit> => {
    if (!gone) {
      signalledAt = Date.now();
      child.kill(signal);
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the server did not exit within ${timeoutMs} ms of ${signal}:\n${out}`)), timeoutMs);
    });
    try {
      return await Promise.race([exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    url,
    port,
    pid: child.pid!,
    stop: (signal = 'SIGTERM', timeoutMs = 30_000) => signalAndWait(signal, timeoutMs),
    kill: () => signalAndWait('SIGKILL', 10_000),
    exited,
    output: () => out,
  };
}

/** A fresh signed-in patient for requests to `baseUrl`, through the e2e factory (needs a build with E2E_FACTORIES). */
export interface TestPatient {
  userId: string;
  email: string;
  /** The Cookie header value of the patient's session. */
  cookie: string;
}

export async function signedInPatient(baseUrl: string): Promise<TestPatient> {
  const res = await fetch(`${baseUrl}/api/test/patient-session`, {
    method: 'POST',
    body: '{}',
    headers: { 'content-type': 'application/json', origin: baseUrl },
  });
  if (res.status !== 201) throw new Error(`patient-session factory answered ${res.status}: ${await res.text()}`);
  const { cookie, userId, email } = (await res.json()) as { userId: string; email: string; cookie: { name: string; value: string } };
  return { cookie: `${cookie.name}=${cookie.value}`, userId, email };
}
