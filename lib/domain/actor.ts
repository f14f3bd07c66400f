import type { Role } from '@/lib/domain/roles';

/**
 * The one person type: whoever acts — the signed-in user as the guards return it (pages, routes, actions). Services
 * ask only for the parts they use (`Pick<Actor, 'id' | 'roles'>`), so a job or a test can act with less.
 */
export interface Actor {
  id: string;
  email: string;
  name: string | null;
  roles: readonly Role[];
  timezone: string;
}

/** What a service needs of whoever acts: who they are, what they may do, and their name where a mail quotes it. */
export type ActorRef = Pick<Actor, 'id' | 'roles'> & Partial<Pick<Actor, 'name'>>;
