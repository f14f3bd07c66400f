import { z } from 'zod';

/**
 * The one reader of process.env. Every variable is documented in .env.example.
 * Parsed lazily so that `next build` (which imports modules) needs no runtime secrets.
 */
const stunUrl = z
  .string()
  .regex(
    /^stuns?:/,
    'ICE_SERVERS is for STUN only (urls start with stun: or stuns:): a TURN server listed there hands one static password to every browser; set TURN_URLS and TURN_SECRET instead',
  );
const turnUrl = z.string().regex(/^turns?:/, 'TURN_URLS are turn: or turns: urls');

/** "<count>/<window>", e.g. "5/15m": at most 5 in each 15-minute window. Units s, m, h. */
const rateLimit = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((raw, ctx) => {
      const m = /^\s*(\d+)\s*\/\s*(\d+)\s*([smh])\s*$/.exec(raw);
      const limit = Number(m?.[1]);
      const windowSeconds = Number(m?.[2]) * ({ s: 1, m: 60, h: 3600 } as const)[(m?.[3] ?? 's') as 's' | 'm' | 'h'];
      if (!m || limit < 1 || windowSeconds < 1) {
        ctx.addIssue({ code: 'custom', message: `expected "<count>/<window>" such as "5/15m" (units s, m, h), got "${raw}"` });
        return z.NEVER;
      }
      return { limit, windowSeconds };
    });

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  APP_URL: z.url().optional(),
  /** Auth.js's base URL; magic links are built from it, never from the request's Host. Required by `next start` outside demo mode. */
  AUTH_URL: z.url().optional(),
  /** Only for a proxy that rewrites Host and no AUTH_URL (development): lets Auth.js take its URL from the request. */
  AUTH_TRUST_HOST: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1'),
  /** Interface `npm run demo` listens on (default 127.0.0.1). */
  HOST: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  /**
   * Least privilege: the owner role that runs `npm run db:migrate` (DDL, triggers, grants). DATABASE_URL is then the
   * app's role with DML only. Unset → migrations run as DATABASE_URL's role (one role, no least privilege).
   */
  MIGRATION_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'MIGRATION_DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  PGLITE_DIR: z.string().min(1).default('.data/pglite'),
  /**
   * Tests only: which databases the integration suites run on. `all` (default) = PGlite, and PostgreSQL too when
   * DATABASE_URL is set; `postgres` = only the server (CI's second phase, after the PGlite phase has run them).
   */
  TEST_DATABASES: z.enum(['all', 'postgres']).default('all'),
  AUTH_SECRET: z.string().min(16, 'AUTH_SECRET must be at least 16 characters').optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://').optional(),
  MAIL_FROM: z.string().min(3).default('Triage & Consult <no-reply@triage-consult.test>'),
  STRIPE_SECRET_KEY: z.string().startsWith('sk_').optional(),
  STRIPE_WEBHOOK_SECRET: z.string().min(8).optional(),
  /** Points the real Stripe SDK at a local stand-in in tests, e.g. http://127.0.0.1:12111 */
  STRIPE_API_BASE: z.url().optional(),
  /** JSON array of STUN servers ({"urls": …}) for the video room; [] = host candidates only (same network). */
  ICE_SERVERS: z
    .string()
    .default('[]')
    .transform((raw, ctx) => {
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'ICE_SERVERS must be a JSON array, e.g. [{"urls":"stun:stun.example.com"}]' });
        return z.NEVER;
      }
    })
    .pipe(
      z.array(
        z.strictObject(
          { urls: z.union([stunUrl, z.array(stunUrl).min(1)]) },
          {
            error: (issue) =>
              issue.code === 'unrecognized_keys'
                ? 'ICE_SERVERS takes no username or credential: static TURN credentials would reach every browser; set TURN_URLS and TURN_SECRET'
                : undefined,
          },
        ),
      ),
    ),
  /** Patients younger than this on the day they submit need a parent's or guardian's name, relationship and consent. */
  GUARDIAN_REQUIRED_UNDER_AGE: z.coerce.number().int().min(0).max(21).default(16),
  /** Comma-separated TURN urls (turn:host:3478,turns:host:5349) of a coturn with `use-auth-secret`. Needs TURN_SECRET. */
  TURN_URLS: z
    .string()
    .optional()
    .transform((raw) => (raw ?? '').split(',').map((u) => u.trim()).filter(Boolean))
    .pipe(z.array(turnUrl)),
  /** coturn's `static-auth-secret`: each room participant gets a username/credential minted from it (lib/video/ice-servers.ts). */
  TURN_SECRET: z.string().min(16, 'TURN_SECRET must be at least 16 characters').optional(),
  /** How long a minted TURN credential is valid (default 4 hours; longer than any consult plus the room's margins). */
  TURN_TTL_SECONDS: z.coerce.number().int().min(600).max(86_400).default(4 * 3600),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Run the background job worker inside the web server process (always true on PGlite). */
  JOBS_IN_PROCESS: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /**
   * Set only by the e2e server: enables /api/test/* factory routes that seed data for browser tests. The routes exist
   * only in a build made with E2E_FACTORIES=true (next.config.js); this runtime switch is a second lock.
   */
  E2E_FACTORIES: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  /** Rate limits, each "<count>/<window>" (units s, m, h), counted in the database so they hold across instances. */
  RATE_LIMIT_SIGNIN_EMAIL: rateLimit('5/15m'),
  RATE_LIMIT_SIGNIN_IP: rateLimit('20/15m'),
  RATE_LIMIT_MESSAGES: rateLimit('30/10m'),
  RATE_LIMIT_INTAKES: rateLimit('10/1h'),
  RATE_LIMIT_HOLDS: rateLimit('10/15m'),
  /** MRI report files uploaded (POST /api/intake-files) per patient, refused ones included. */
  RATE_LIMIT_UPLOADS: rateLimit('10/1h'),
  /** Audit rows an anonymous client (per IP) may cause; past it, only the rate-limit counter grows. */
  RATE_LIMIT_ANONYMOUS_AUDIT: rateLimit('30/10m'),
  /**
   * Proxies in front of the app that append to X-Forwarded-For (nginx, a load balancer). 0: none, the client is
   * the last hop. The client IP is read that many entries from the right, never from the client-written left end.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /**
   * Set by `npm run demo` (and the e2e server), never by `next start` alone: the only switch for the demo mailbox,
   * GET /api/dev/outbox and the demo checkout.
   */
  DEMO_MODE: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

/** The same server and database, reached as another role; anything else is a configuration mistake. */
function sameDatabase(a: string, b: string): boolean {
  const [x, y] = [new URL(a), new URL(b)];
  return x.hostname === y.hostname && (x.port || '5432') === (y.port || '5432') && x.pathname === y.pathname;
}

const checkedSchema = schema.superRefine((e, ctx) => {
  if (Boolean(e.TURN_SECRET) !== e.TURN_URLS.length > 0) {
    ctx.addIssue({ code: 'custom', path: ['TURN_SECRET'], message: 'TURN_SECRET and TURN_URLS go together: set both (a TURN relay) or neither' });
  }
  if (!e.MIGRATION_DATABASE_URL) return;
  if (!e.DATABASE_URL) {
    ctx.addIssue({ code: 'custom', path: ['MIGRATION_DATABASE_URL'], message: 'MIGRATION_DATABASE_URL needs DATABASE_URL (the app role) too' });
  } else if (!sameDatabase(e.DATABASE_URL, e.MIGRATION_DATABASE_URL)) {
    ctx.addIssue({ code: 'custom', path: ['MIGRATION_DATABASE_URL'], message: 'MIGRATION_DATABASE_URL must name the same host, port and database as DATABASE_URL (only the role differs)' });
  }
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = checkedSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment configuration:\n${lines}\nSee .env.example for every variable.`);
  }
  cached = parsed.data;
  return cached;
}

/** For tests that change variables between cases. */
export function resetEnvCache(): void {
  cached = undefined;
}

export function appUrl(): string {
  const e = env();
  return (e.APP_URL ?? e.AUTH_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
}

/** An app path (lib/urls) as the absolute URL for anything read outside the app: mails, calendar files, Stripe. */
export function absoluteUrl(path: string): string {
  return `${appUrl()}${path}`;
}


/**
 * What a server refuses to start without (checked in instrumentation.ts when `next start` boots). Outside demo mode
 * sign-in links must come from configuration: AUTH_URL (the same origin as APP_URL) and AUTH_SECRET are required.
 */
export function startupConfigProblems(e: Env = env()): string[] {
  const problems: string[] = [];
  if (!e.AUTH_SECRET) problems.push('AUTH_SECRET is not set: generate one with `openssl rand -base64 32`.');
  if (!e.DEMO_MODE) {
    if (!e.AUTH_URL) {
      problems.push('AUTH_URL is not set: set it (and APP_URL) to the public base URL, e.g. https://triage.example.com. Sign-in links are built from it, never from the request.');
    } else if (e.APP_URL && new URL(e.APP_URL).origin !== new URL(e.AUTH_URL).origin) {
      problems.push(`APP_URL (${e.APP_URL}) and AUTH_URL (${e.AUTH_URL}) must name the same origin.`);
    }
  }
  return problems;
}

/** The message a production server prints before it exits, or null when the configuration is complete. */
export function startupConfigError(): string | null {
  const problems = startupConfigProblems();
  if (problems.length === 0) return null;
  return `Refusing to start: the configuration is incomplete.\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example and README (Configuration).`;
}

export function databaseKind(): 'pglite' | 'postgres' {
  return env().DATABASE_URL ? 'postgres' : 'pglite';
}

/**
 * smtp: SMTP_URL is set. outbox: demo mode without SMTP (mail kept in the database, readable at /dev/mailbox).
 * none: neither — mail is not configured; sign-in says so and other mail is kept unsent (never readable).
 */
export function mailTransportKind(): 'smtp' | 'outbox' | 'none' {
  const e = env();
  if (e.SMTP_URL) return 'smtp';
  return e.DEMO_MODE ? 'outbox' : 'none';
}

/** The environment for a child process (CLI scripts start `next`), with overrides. */
export function childProcessEnv(overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}

/** Sets a variable for this process before env() is first read (CLI bootstrapping only). */
export function setProcessEnvDefault(name: string, value: string): void {
  if (process.env[name] === undefined) process.env[name] = value;
  cached = undefined;
}
