import 'server-only';
import { cache } from 'react';
import { redirect } from 'next/navigation';
import { NextResponse } from 'next/server';
import { getDb, isDatabaseUnavailable } from '@/db';
import { teamMemberActive } from '@/db/queries/team';
import { audit } from '@/lib/audit';
import { refuseCrossSiteWrite, serviceUnavailable } from '@/lib/http';
import { requestLog } from '@/lib/log';
import { auth } from './config';
import { lookUpSession } from './session-lookup';
import type { Actor } from '@/lib/domain/actor';
import type { Role } from '@/lib/domain/roles';

export function hasRole(user: Pick<Actor, 'roles'>, ...roles: Role[]): boolean {
  return roles.some((r) => user.roles.includes(r));
}

/** Where each role lands after sign-in. A lead (clinician + admin) works the queue first. */
export function homePathFor(user: Pick<Actor, 'roles'>): string {
  if (hasRole(user, 'clinician')) return '/queue';
  if (hasRole(user, 'admin')) return '/admin';
  return '/cases';
}

/**
 * The signed-in user. Memoised per server render (React cache): the header and the page's guard share one session
 * lookup instead of querying the database twice. Outside a render (route handlers, actions) it runs each time.
 * A database that cannot be asked throws DatabaseUnavailableError: never null, which would mean "signed out".
 */
export const currentUser = cache(async (): Promise<Actor | null> => {
  const session = await lookUpSession(() => auth());
  const u = session?.user;
  if (!u?.id || !u.email) return null;
  return { id: u.id, email: u.email, name: u.name ?? null, roles: await effectiveRoles(u.id, u.roles), timezone: u.timezone };
});

/**
 * Leaving the team ends access: a member whose clinician profile is inactive keeps only their non-staff roles, so
 * every guard (requireRole, apiGuard, scope lookups) treats them as not staff — even on a session that outlived the
 * deactivation. Patients pay no extra query.
 */
async function effectiveRoles(userId: string, roles: Role[]): Promise<Role[]> {
  if (!roles.includes('clinician') && !roles.includes('admin')) return roles;
  const active = await teamMemberActive(await getDb(), userId);
  return active === false ? roles.filter((r) => r !== 'clinician' && r !== 'admin') : roles;
}

/** Pages and server actions: redirect to sign-in when anonymous. */
export async function requireUser(): Promise<Actor> {
  const user = await currentUser();
  if (!user) redirect('/signin');
  return user;
}

/** Pages and server actions: the user must hold one of `roles`; a denial is audited and shown plainly. */
export async function requireRole(roles: Role[], resource = 'page'): Promise<Actor> {
  const user = await requireUser();
  if (!hasRole(user, ...roles)) {
    await audit({
      actor: user,
      action: 'access.denied',
      resourceType: resource,
      outcome: 'denied',
      details: { required: roles },
    });
    redirect('/access-denied');
  }
  return user;
}

export type ApiGuard = { ok: true; user: Actor } | { ok: false; response: NextResponse };

/**
 * Route handlers: 503 when the session cannot be looked up (database unavailable), 401 when anonymous; 404 (never 403: do not reveal what exists) for a signed-in user
 * without one of `roles`. Denials are audited.
 */
export async function apiGuard(roles?: Role[], resource = 'api'): Promise<ApiGuard> {
  let user: Actor | null;
  try {
    user = await currentUser();
  } catch (err) {
    // The database is down or restarting: 503, so the client retries instead of believing it was signed out.
    if (!isDatabaseUnavailable(err)) throw err;
    (await requestLog()).error({ err }, 'session lookup failed: database unavailable');
    return { ok: false, response: serviceUnavailable() };
  }
  if (!user) {
    return { ok: false, response: NextResponse.json({ error: 'unauthenticated', message: 'Sign in first.' }, { status: 401 }) };
  }
  if (roles && !hasRole(user, ...roles)) {
    await audit({ actor: user, action: 'access.denied', resourceType: resource, outcome: 'denied', details: { required: roles } });
    return { ok: false, response: NextResponse.json({ error: 'not_found' }, { status: 404 }) };
  }
  return { ok: true, user };
}

/**
 * Route handlers that change state: a cross-site request is refused first (403/415, before any session lookup, so a
 * hostile page learns nothing about the victim's session), then the role guard as in `apiGuard`. A file upload passes
 * `contentType` 'multipart/form-data' — a type a cross-site form can send, so there the origin check is what stops it.
 */
export async function apiWriteGuard(req: Request, roles?: Role[], resource = 'api', contentType?: 'multipart/form-data'): Promise<ApiGuard> {
  const refused = refuseCrossSiteWrite(req, contentType);
  if (refused) return { ok: false, response: refused };
  return apiGuard(roles, resource);
}
