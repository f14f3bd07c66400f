import pino from 'pino';
import { env } from './env';

let logger: pino.Logger | undefined;

/** Structured JSON logs; one line per event with a request id where there is one. */
export function log(): pino.Logger {
  logger ??= pino({
    level: env().LOG_LEVEL,
    base: { service: 'triage-consult' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['email', '*.email', 'token', '*.token', 'body', '*.body'], censor: '[redacted]' },
  });
  return logger;
}

/** A logger bound to the current request's id (set by proxy.ts); plain logger outside a request. */
export async function requestLog(): Promise<pino.Logger> {
  const { requestContext } = await import('./request-context');
  const { requestId } = await requestContext();
  return requestId ? log().child({ requestId }) : log();
}
