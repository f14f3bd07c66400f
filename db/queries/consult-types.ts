import { asc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { consultTypes } from '../schema';

export type ConsultType = typeof consultTypes.$inferSelect;
export type ConsultTypeInput = Omit<typeof consultTypes.$inferInsert, 'id' | 'updatedAt'>;

export async function listConsultTypes(db: Db, opts: { includeInactive?: boolean } = {}): Promise<ConsultType[]> {
  const q = db.select().from(consultTypes);
  const rows = opts.includeInactive ? await q.orderBy(asc(consultTypes.sortOrder), asc(consultTypes.name)) : await q.where(eq(consultTypes.active, true)).orderBy(asc(consultTypes.sortOrder), asc(consultTypes.name));
  return rows;
}

export async function getConsultType(db: Db, id: string): Promise<ConsultType | null> {
  const [row] = await db.select().from(consultTypes).where(eq(consultTypes.id, id)).limit(1);
  return row ?? null;
}

export async function createConsultType(db: Db, input: ConsultTypeInput): Promise<ConsultType> {
  const [row] = await db.insert(consultTypes).values(input).returning();
  return row!;
}

export async function updateConsultType(db: Db, id: string, input: Partial<ConsultTypeInput>): Promise<ConsultType | null> {
  const [row] = await db
    .update(consultTypes)
    .set({ ...input, updatedAt: new Date() })
    .where(eq(consultTypes.id, id))
    .returning();
  return row ?? null;
}
