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

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  APP_URL: z.url().optional(),
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
  /** Lets e2e tests and the demo mailbox page read mail; never enable with real SMTP. */
  /** Set only by the e2e server: enables /api/test/* factory routes that seed data for browser tests. */
  E2E_FACTORIES: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
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
  return (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
}

export function databaseKind(): 'pglite' | 'postgres' {
  return env().DATABASE_URL ? 'postgres' : 'pglite';
}

export function mailTransportKind(): 'smtp' | 'outbox' {
  return env().SMTP_URL ? 'smtp' : 'outbox';
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
