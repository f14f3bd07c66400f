import pino from 'pino';
import { queryErrorParts } from '@/db/errors';
import { env } from './env';

export interface SafeErrorSummary {
  type: string;
  message?: string;
  /** SQLSTATE of a database error, e.g. 23505, or a socket error's code, e.g. ECONNREFUSED */
  code?: string;
  constraint?: string;
  /** The SQL text with its $1… placeholders — never the bound values */
  query?: string;
  /** What caused it (Error.cause, or Auth.js's `cause.err`), summarised the same way */
  cause?: SafeErrorSummary;
}

/** The error an error wraps: `cause`, or the `err` inside the plain object Auth.js keeps there. */
function innerError(err: Error): unknown {
  const cause = (err as { cause?: unknown }).cause;
  if (cause && typeof cause === 'object' && !(cause instanceof Error) && 'err' in cause) return (cause as { err: unknown }).err;
  return cause;
}

/**
 * What of an error may reach a log line. A drizzle query error's message and its driver cause carry every bound
 * parameter (names, emails, intake text) and the database's detail line quotes values; of those only the SQLSTATE,
 * the constraint and the parameterised SQL are kept. The type is the error's own `type` when it has one (Auth.js
 * errors: a production build minifies class names, so `name` is a letter — the "err":"p" of old logs), and the
 * cause chain is followed (three deep), so "SessionTokenError" comes with the database error behind it.
 */
export function safeErrorSummary(err: unknown, depth = 0): SafeErrorSummary {
  const failedQuery = queryErrorParts(err);
  if (failedQuery) return { type: 'DrizzleQueryError', ...failedQuery, query: failedQuery.query.slice(0, 2000) };
  if (err instanceof Error) {
    // Anything that folded a query error into its own message keeps only the part before the parameters.
    const message = err.message.split(/\nparams:/)[0]!.slice(0, 500);
    const code = (err as { code?: unknown }).code;
    const ownType = (err as { type?: unknown }).type;
    const type = typeof ownType === 'string' && ownType ? ownType : err.name;
    const inner = depth < 3 ? innerError(err) : undefined;
    return {
      type,
      message,
      ...(typeof code === 'string' ? { code } : {}),
      ...(inner !== undefined && inner !== null ? { cause: safeErrorSummary(inner, depth + 1) } : {}),
    };
  }
  return { type: typeof err, message: String(err).slice(0, 200) };
}

/** The logger's options; `destination` lets tests read the lines it writes. */
export function createLogger(destination?: pino.DestinationStream): pino.Logger {
  const options: pino.LoggerOptions = {
    level: env().LOG_LEVEL,
    base: { service: 'triage-consult' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // `err` always goes through the summary, wherever it is logged: `log().error({ err }, '…')`.
    serializers: { err: (err: unknown) => safeErrorSummary(err) },
    redact: { paths: ['email', '*.email', 'token', '*.token', 'body', '*.body'], censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}

let logger: pino.Logger | undefined;

/**
 * Structured JSON logs, one line per event, for code that never runs inside a request (the job worker, start-up,
 * proxy.ts, which logs the id itself). Code a request can reach logs through `requestLog()`, so its lines carry the
 * request id.
 */
export function log(): pino.Logger {
  logger ??= createLogger();
  return logger;
}

/**
 * The logger for code a request can reach: its lines carry the request id proxy.ts set (x-request-id), so one id
 * ties the access line to every line the request caused. Outside a request (a job sending mail) it is `log()`.
 * `base` lets tests read the lines.
 */
export async function requestLog(base: pino.Logger = log()): Promise<pino.Logger> {
  // Imported on demand: request-context is server-only and reads next/headers, which the job worker never loads.
  const { requestContext } = await import('./request-context');
  const { requestId } = await requestContext();
  return requestId ? base.child({ requestId }) : base;
}
