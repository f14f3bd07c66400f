const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids arrive from URLs, cursors and Stripe metadata: anything that is not a uuid names no row (answer 404, never a database error). */
export function isUuid(id: string): boolean {
  return UUID_RE.test(id);
}
