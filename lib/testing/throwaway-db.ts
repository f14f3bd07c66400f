import postgres from 'postgres';
import { ensureRolePair, type RolePair } from '@/db/privileges';

export interface ThrowawayDatabase {
  /** The database as `baseUrl`'s (administrative) role sees it. */
  url: string;
  drop: () => Promise<void>;
}

export interface LeastPrivilegeDatabase extends ThrowawayDatabase {
  /** Owns the database and everything in it: migrations run as this role. */
  ownerUrl: string;
  /** DML only (db/privileges.ts): what the app connects as. */
  appUrl: string;
  appRole: string;
}

/**
 * The roles of every least-privilege test database on a cluster. Roles are cluster-wide and test runs go in
 * parallel, so they are shared, created when missing (a parallel creator is tolerated) and never dropped.
 */
const TEST_ROLES = {
  owner: { name: 'tc_test_owner', password: 'tc_test_owner_pw' },
  app: { name: 'tc_test_app', password: 'tc_test_app_pw' },
} as const satisfies RolePair;

function throwawayName(prefix: string): string {
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
}

function urlOf(baseUrl: string, database: string, role?: { name: string; password: string }): string {
  const url = new URL(baseUrl);
  url.pathname = `/${database}`;
  if (role) {
    url.username = role.name;
    url.password = role.password;
  }
  return url.toString();
}

function dropper(baseUrl: string, name: string): () => Promise<void> {
  return async () => {
    const a = postgres(baseUrl, { max: 1, onnotice: () => undefined });
    try {
      await a.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await a.end();
    }
  };
}

/**
 * A fresh database on the server named by `baseUrl` (tests never trust leftovers).
 * Returns its URL and a drop() that removes it.
 */
export async function createThrowawayDatabase(baseUrl: string, prefix = 'tc_test'): Promise<ThrowawayDatabase> {
  const name = throwawayName(prefix);
  const admin = postgres(baseUrl, { max: 1, onnotice: () => undefined });
  try {
    await admin.unsafe(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return { url: urlOf(baseUrl, name), drop: dropper(baseUrl, name) };
}

/**
 * A fresh database owned by TEST_ROLES.owner, which the DML-only TEST_ROLES.app may connect to, as a production
 * deployment is set up (`npm run db:roles`). Needs a superuser at `baseUrl`. Migrate it with `migratePostgres`.
 */
export async function createLeastPrivilegeDatabase(baseUrl: string, prefix = 'tc_lp'): Promise<LeastPrivilegeDatabase> {
  const name = throwawayName(prefix);
  await ensureRolePair(baseUrl, name, TEST_ROLES);
  return {
    url: urlOf(baseUrl, name),
    ownerUrl: urlOf(baseUrl, name, TEST_ROLES.owner),
    appUrl: urlOf(baseUrl, name, TEST_ROLES.app),
    appRole: TEST_ROLES.app.name,
    drop: dropper(baseUrl, name),
  };
}
