/**
 * Least privilege on PostgreSQL. Two login roles:
 *  - the OWNER (MIGRATION_DATABASE_URL) owns the database, every table and trigger; migrations run as it;
 *  - the APP role (DATABASE_URL) is what the server and the worker connect as: SELECT/INSERT/UPDATE/DELETE on the
 *    app's tables, only SELECT/INSERT on the append-only ones, no TRUNCATE, no DDL. Not being the owner, it cannot
 *    drop or disable the triggers that refuse changes to those tables, nor drop a table.
 * Roles are cluster-wide, so creating them is idempotent and tolerates a parallel process creating the same role.
 * PGlite has no roles: there the triggers alone keep the append-only tables append-only.
 */
import postgres from 'postgres';

/** Rows here are never changed or removed (triggers in db/migrations refuse it, for the owner too). */
export const APPEND_ONLY_TABLES = ['audit_events', 'intake_versions', 'consult_notes'] as const;

/** The schema pg-boss keeps its queues in (lib/jobs/boss.ts uses pg-boss's default). */
export const JOB_SCHEMA = 'pgboss';

/** A role or database name we are willing to splice into DDL (identifiers cannot be bound parameters). */
export function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`"${name}" is not a plain lower-case PostgreSQL name (a-z, 0-9, _).`);
  return `"${name}"`;
}

/** The login role a postgres:// URL connects as. */
export function roleOfUrl(url: string): string {
  const user = decodeURIComponent(new URL(url).username);
  if (!user) throw new Error('The database URL names no user; write postgres://<role>@host/db so the role is explicit.');
  return user;
}

export function databaseOfUrl(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

type Exec = (text: string) => Promise<{ rows: Record<string, unknown>[] }>;

const DUPLICATE_CODES = new Set(['42710' /* duplicate_object */, '23505' /* unique_violation: a parallel CREATE ROLE */, '42P04' /* duplicate_database */]);

function isDuplicate(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  return code !== undefined && DUPLICATE_CODES.has(code);
}

async function createRoleIfMissing(admin: postgres.Sql, name: string, password: string | undefined): Promise<void> {
  const exists = await admin`select 1 from pg_roles where rolname = ${name}`;
  if (exists.length) return;
  const pw = password ? ` PASSWORD '${password.replace(/'/g, "''")}'` : '';
  try {
    await admin.unsafe(`CREATE ROLE ${quoteIdent(name)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION${pw}`);
  } catch (err) {
    if (!isDuplicate(err)) throw err; // another process created it between our check and our CREATE
  }
}

export interface RolePair {
  owner: { name: string; password?: string };
  app: { name: string; password?: string };
}

/**
 * As a superuser (or a role with CREATEROLE and CREATEDB) on `adminUrl`: creates the two login roles when missing,
 * the database `database` owned by the owner when missing, and lets the app role connect to it (nobody else).
 */
export async function ensureRolePair(adminUrl: string, database: string, roles: RolePair): Promise<void> {
  if (roles.owner.name === roles.app.name) throw new Error('The owner and the app must be two different roles.');
  const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  try {
    await createRoleIfMissing(admin, roles.owner.name, roles.owner.password);
    await createRoleIfMissing(admin, roles.app.name, roles.app.password);
    const [existing] = await admin<{ owner: string }[]>`
      select pg_get_userbyid(datdba) as owner from pg_database where datname = ${database}`;
    if (!existing) {
      try {
        await admin.unsafe(`CREATE DATABASE ${quoteIdent(database)} OWNER ${quoteIdent(roles.owner.name)}`);
      } catch (err) {
        if (!isDuplicate(err)) throw err;
      }
    } else if (existing.owner !== roles.owner.name) {
      throw new Error(
        `Database ${database} exists and is owned by ${existing.owner}, not ${roles.owner.name}. ` +
          `Run ALTER DATABASE ${database} OWNER TO ${roles.owner.name} (and REASSIGN OWNED of its tables) first.`,
      );
    }
    await admin.unsafe(
      `REVOKE ALL ON DATABASE ${quoteIdent(database)} FROM PUBLIC; GRANT CONNECT, TEMPORARY ON DATABASE ${quoteIdent(database)} TO ${quoteIdent(roles.app.name)}`,
    );
  } finally {
    await admin.end();
  }
}

/**
 * Run as the owner after every migration: grants the app role DML on every table (including tables that later
 * migrations add: default privileges, and this step again after each migrate), then takes UPDATE, DELETE and
 * TRUNCATE on the append-only tables away again. Refuses an app role that is a superuser or owns tables, since
 * such a role would bypass all of this.
 */
export async function grantAppRole(exec: Exec, appRole: string): Promise<void> {
  const app = quoteIdent(appRole);
  const { rows } = await exec(`
    select r.rolsuper as super, r.rolname = current_user as same,
           exists (select 1 from pg_tables t where t.schemaname in ('public', '${JOB_SCHEMA}') and t.tableowner = r.rolname) as owns
    from pg_roles r where r.rolname = '${appRole}'`);
  const role = rows[0] as { super: boolean; same: boolean; owns: boolean } | undefined;
  if (!role) throw new Error(`The app role ${appRole} does not exist: create it first (npm run db:roles, see README).`);
  if (role.super || role.same || role.owns) {
    throw new Error(`The app role ${appRole} is a superuser, the migrating role or a table owner: it would bypass least privilege.`);
  }
  const appendOnly = APPEND_ONLY_TABLES.join(', ');
  await exec(`
    REVOKE CREATE ON SCHEMA public FROM PUBLIC;
    GRANT USAGE ON SCHEMA public TO ${app};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app};
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app};
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app};
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app};
    REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ${appendOnly} FROM ${app};
    GRANT SELECT, INSERT ON ${appendOnly} TO ${app};
    GRANT USAGE ON SCHEMA ${JOB_SCHEMA} TO ${app};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${JOB_SCHEMA} TO ${app};
    ALTER DEFAULT PRIVILEGES IN SCHEMA ${JOB_SCHEMA} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app};
  `);
}
