import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { adviceTemplates, slaPolicies } from '../schema';
import type { Urgency } from '@/lib/domain/case';

export async function listAdviceTemplates(db: Db, opts: { activeOnly: boolean }) {
  return db
    .select()
    .from(adviceTemplates)
    .where(opts.activeOnly ? eq(adviceTemplates.active, true) : undefined)
    .orderBy(asc(adviceTemplates.title));
}

/** Creates or edits a template; titles are unique (23505 → the caller reports "title taken"). */
export async function saveAdviceTemplate(db: Db, t: { id?: string; title: string; body: string; active: boolean }) {
  if (t.id) {
    const [row] = await db
      .update(adviceTemplates)
      .set({ title: t.title, body: t.body, active: t.active, updatedAt: sql`now()` })
      .where(eq(adviceTemplates.id, t.id))
      .returning();
    return row ?? null;
  }
  const [row] = await db.insert(adviceTemplates).values({ title: t.title, body: t.body, active: t.active }).returning();
  return row;
}

export async function listSlaPolicies(db: Db): Promise<Record<Urgency, number>> {
  const rows = await db.select().from(slaPolicies);
  const out: Record<Urgency, number> = { emergency: 60, urgent: 1440, routine: 4320 };
  for (const r of rows) out[r.urgency] = r.minutes;
  return out;
}

/**
 * New SLA minutes per urgency. Open cases that have not breached yet get their due time recomputed from their
 * submission time, so the queue's countdowns follow the policy the team works to now.
 */
export async function saveSlaPolicies(db: Db, minutes: Record<Urgency, number>): Promise<{ recomputed: number }> {
  let recomputed = 0;
  for (const [urgency, m] of Object.entries(minutes) as [Urgency, number][]) {
    await db.insert(slaPolicies).values({ urgency, minutes: m }).onConflictDoUpdate({ target: slaPolicies.urgency, set: { minutes: m } });
    const rows = await db.execute<{ id: string }>(sql`
      update cases set sla_due_at = submitted_at + make_interval(mins => ${m}), updated_at = now()
      where urgency = ${urgency} and status in ('submitted', 'in_review') and breach_alerted_at is null
        and sla_due_at <> submitted_at + make_interval(mins => ${m})
      returning id`);
    recomputed += (Array.isArray(rows) ? rows : ((rows as { rows?: unknown[] }).rows ?? [])).length;
  }
  return { recomputed };
}
