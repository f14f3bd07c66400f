import { queryErrorParts } from '@/db/errors';
import { safeErrorSummary } from './log';

/** The failed query an error is, or was caused by (a few levels down), if any. */
function queryErrorIn(value: unknown, depth = 0): Error | null {
  if (value instanceof Error && queryErrorParts(value)) return value;
  if (value instanceof Error && depth < 5) return queryErrorIn(value.cause, depth + 1);
  return null;
}

/**
 * An argument as it may be printed: an error that is (or wraps) a drizzle query error becomes a plain error naming
 * the SQLSTATE and the parameterised SQL, with the original stack frames and Next's `digest`; anything else as is.
 */
export function redactForConsole(arg: unknown): unknown {
  const q = queryErrorIn(arg);
  if (!q || !(arg instanceof Error)) return arg;
  const s = safeErrorSummary(q);
  const what = `database query failed${s.code ? ` (SQLSTATE ${s.code}${s.constraint ? `, ${s.constraint}` : ''})` : ''}: ${s.query ?? ''}`;
  const message = arg === q ? what : `${safeErrorSummary(arg).message ?? arg.name} — ${what}`;
  const safe = new Error(message);
  safe.name = arg.name;
  const frames = (arg.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l));
  safe.stack = [`${safe.name}: ${message}`, ...frames].join('\n');
  const digest = (arg as { digest?: unknown }).digest;
  return typeof digest === 'string' ? Object.assign(safe, { digest }) : safe;
}

let installed = false;

/**
 * Next.js prints an error that escapes a route handler, action or page with console.error, and a drizzle query
 * error carries every bound parameter (names, emails, intake text) in its message, its `params` and its cause's
 * detail line. Installed once per server process (instrumentation.ts), this prints such errors summarised instead.
 */
export function installConsoleRedaction(): void {
  if (installed) return;
  installed = true;
  for (const level of ['error', 'warn', 'log', 'info'] as const) {
    const original = console[level].bind(console);
    console[level] = (...args: unknown[]) => original(...args.map(redactForConsole));
  }
}
