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
