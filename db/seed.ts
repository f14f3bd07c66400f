/** `npm run db:seed`: demo data into DATABASE_URL or the PGlite dir (run db:migrate first). */
import { env } from '@/lib/env';
import { openPglite, openPostgres } from './client';
import { seedAll } from './seed/index';
import { DEMO_ACCOUNTS } from './seed/accounts';

async function main() {
  const e = env();
  const handle = e.DATABASE_URL ? await openPostgres(e.DATABASE_URL, { max: 1 }) : await openPglite(e.PGLITE_DIR);
  try {
    await seedAll(handle.db);
    console.log(`seeded ${DEMO_ACCOUNTS.length} demo accounts (${handle.kind})`);
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
