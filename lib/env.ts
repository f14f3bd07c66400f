import { z } from 'zod';

/**
 * The one reader of process.env. Every variable is documented in .env.example.
 * Parsed lazily so that `next build` (which imports modules) needs no runtime secrets.
 */
const iceUrl = z.string().regex(/^(stun|stuns|turn|turns):/, 'ICE server urls start with stun:, stuns:, turn: or turns:');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  APP_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
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
  /** JSON array of RTCIceServer for the video room (STUN/TURN); [] = host candidates only (same network). */
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
        z.object({
          urls: z.union([iceUrl, z.array(iceUrl).min(1)]),
          username: z.string().optional(),
          credential: z.string().optional(),
        }),
      ),
    ),
  /** Patients younger than this on the day they submit need a parent's or guardian's name, relationship and consent. */
  GUARDIAN_REQUIRED_UNDER_AGE: z.coerce.number().int().min(0).max(21).default(16),
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

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
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
