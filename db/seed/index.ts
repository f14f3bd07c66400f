import type { Db } from '../client';
import { seedAccounts } from './accounts';
import { seedBooking } from './booking';
import { seedIntakes } from './intakes';
import { seedOutcomes } from './outcomes';
import { seedQueue } from './queue';

/**
 * All demo data, idempotent (safe to run again: upserts and "insert if missing" only).
 * Each feature adds its own seed module here, called in dependency order.
 */
export async function seedAll(db: Db): Promise<{ accounts: Map<string, string> }> {
  const accounts = await seedAccounts(db);
  await seedQueue(db);
  await seedIntakes(db);
  await seedOutcomes(db);
  await seedBooking(db);
  return { accounts };
}
