/** `npm run db:migrate`: applies db/migrations to DATABASE_URL or the PGlite dir. Explicit, never inside `next build`. */
import { env } from '@/lib/env';
import { migrateHandle, openPglite, openPostgres } from './client';

async function main() {
  const e = env();
  const started = Date.now();
  const handle = e.DATABASE_URL ? await openPostgres(e.DATABASE_URL, { max: 1 }) : await openPglite(e.PGLITE_DIR);
  try {
    await migrateHandle(handle);
    console.log(`migrated ${handle.kind}${handle.kind === 'pglite' ? ` (${e.PGLITE_DIR})` : ''} in ${Date.now() - started} ms`);
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
