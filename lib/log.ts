import pino from 'pino';
import { queryErrorParts } from '@/db/errors';
import { env } from './env';

export interface SafeErrorSummary {
  type: string;
  message?: string;
  /** SQLSTATE of a database error, e.g. 23505 */
  code?: string;
  constraint?: string;
  /** The SQL text with its $1… placeholders — never the bound values */
  query?: string;
}

/**
 * What of an error may reach a log line. A drizzle query error's message and its driver cause carry every bound
 * parameter (names, emails, intake text) and the database's detail line quotes values; of those only the SQLSTATE,
 * the constraint and the parameterised SQL are kept.
 */
export function safeErrorSummary(err: unknown): SafeErrorSummary {
  const failedQuery = queryErrorParts(err);
  if (failedQuery) return { type: 'DrizzleQueryError', ...failedQuery, query: failedQuery.query.slice(0, 2000) };
  if (err instanceof Error) {
    // Anything that folded a query error into its own message keeps only the part before the parameters.
    const message = err.message.split(/\nparams:/)[0]!.slice(0, 500);
    const code = (err as { code?: unknown }).code;
    return { type: err.name, message, ...(typeof code === 'string' ? { code } : {}) };
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
    serializers: { err: safeErrorSummary },
    redact: { paths: ['email', '*.email', 'token', '*.token', 'body', '*.body'], censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}

let logger: pino.Logger | undefined;

/** Structured JSON logs; one line per event. Inside a request, prefer `requestLog()`, which adds the request id. */
export function log(): pino.Logger {
  logger ??= createLogger();
  return logger;
}

/** A logger bound to the current request's id (set by proxy.ts); plain logger outside a request. */
export async function requestLog(): Promise<pino.Logger> {
  const { requestContext } = await import('./request-context');
  const { requestId } = await requestContext();
  return requestId ? log().child({ requestId }) : log();
}
