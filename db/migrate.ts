/**
 * `npm run db:migrate`: applies db/migrations to PostgreSQL or the PGlite dir. Explicit, never inside `next build`.
 * PostgreSQL: runs as MIGRATION_DATABASE_URL's role (the owner) when set, also installs pg-boss's schema and queues,
 * and grants DATABASE_URL's role DML only (db/privileges.ts); without it, as DATABASE_URL's role.
 */
import { env } from '@/lib/env';
import { JOBS } from '@/lib/cli/jobs';
import { migrateHandle, openPglite } from './client';
import { migratePostgres } from './migrate-postgres';
import { roleOfUrl } from './privileges';

async function main() {
  const e = env();
  const started = Date.now();
  if (e.DATABASE_URL) {
    const appRole = e.MIGRATION_DATABASE_URL ? roleOfUrl(e.DATABASE_URL) : undefined;
    await migratePostgres(e.MIGRATION_DATABASE_URL ?? e.DATABASE_URL, { appRole, jobQueues: JOBS.map((j) => j.name) });
    console.log(`migrated postgres in ${Date.now() - started} ms${appRole ? ` (as the owner; ${appRole} has DML only)` : ' (one role: set MIGRATION_DATABASE_URL for least privilege)'}`);
    return;
  }
  const handle = await openPglite(e.PGLITE_DIR);
  try {
    await migrateHandle(handle);
    console.log(`migrated pglite (${e.PGLITE_DIR}) in ${Date.now() - started} ms`);
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
