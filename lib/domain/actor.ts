import type { Role } from '@/lib/domain/roles';

/** Whoever acts on a case: the signed-in user (pages, routes, actions) or a test's stand-in. */
export interface Actor {
  id: string;
  roles: Role[];
  name?: string | null;
  email?: string;
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids arrive from URLs: anything that is not a uuid cannot be a case (answer 404, never a database error). */
export function isCaseId(id: string): boolean {
  return UUID_RE.test(id);
}
