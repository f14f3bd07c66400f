import { DrizzleQueryError } from 'drizzle-orm/errors';

/** What the log may keep of a failed query: its SQLSTATE and constraint (from the driver's cause) and the SQL with placeholders. */
export interface QueryErrorParts {
  code?: string;
  constraint?: string;
  query: string;
}

/**
 * The failed query an error is, as parts that carry no bound value — or null for any other error. The query error's
 * own message and its driver cause quote every parameter, so callers that log use these parts instead.
 */
export function queryErrorParts(err: unknown): QueryErrorParts | null {
  if (!(err instanceof DrizzleQueryError)) return null;
  const cause = (err.cause ?? {}) as { code?: unknown; constraint_name?: unknown; constraint?: unknown };
  const constraint = cause.constraint_name ?? cause.constraint;
  return {
    ...(typeof cause.code === 'string' ? { code: cause.code } : {}),
    ...(typeof constraint === 'string' ? { constraint } : {}),
    query: err.query,
  };
}
