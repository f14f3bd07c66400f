/**
 * `npm run db:roles -- <admin-url>`: creates the two PostgreSQL roles of a least-privilege deployment, once, as a
 * superuser (or a role with CREATEROLE and CREATEDB) at <admin-url>, e.g. postgres://postgres@127.0.0.1:5432/postgres.
 * Role names and passwords come from MIGRATION_DATABASE_URL (the owner) and DATABASE_URL (the app role); the database
 * named in them is created owned by the owner. Then `npm run db:migrate` creates the tables and grants the app role
 * DML only. Safe to run again.
 */
import { env } from '@/lib/env';
import { databaseOfUrl, ensureRolePair, roleOfUrl } from '@/db/privileges';

function passwordOf(url: string): string | undefined {
  return decodeURIComponent(new URL(url).password) || undefined;
}

async function main() {
  const adminUrl = process.argv[2];
  const e = env();
  if (!adminUrl || !e.DATABASE_URL || !e.MIGRATION_DATABASE_URL) {
    console.error('usage: DATABASE_URL=postgres://app:…@host/db MIGRATION_DATABASE_URL=postgres://owner:…@host/db npm run db:roles -- postgres://postgres@host/postgres');
    process.exit(2);
  }
  const database = databaseOfUrl(e.DATABASE_URL);
  const owner = roleOfUrl(e.MIGRATION_DATABASE_URL);
  const app = roleOfUrl(e.DATABASE_URL);
  await ensureRolePair(adminUrl, database, {
    owner: { name: owner, password: passwordOf(e.MIGRATION_DATABASE_URL) },
    app: { name: app, password: passwordOf(e.DATABASE_URL) },
  });
  console.log(`roles ready: ${owner} owns database ${database}; ${app} may connect. Next: npm run db:migrate`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
