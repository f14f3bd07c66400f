import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env } from '@/lib/env';
import { JOBS } from '@/lib/cli/jobs';
import { makeCase } from '@/lib/testing/factories/queue-case';
import { makePatient } from '@/lib/testing/factories/people';
import { testDbKinds, useTestDb } from '@/lib/testing/db';
import { createLeastPrivilegeDatabase, type LeastPrivilegeDatabase } from '@/lib/testing/throwaway-db';
import { makeConfirmedBooking } from '@/lib/testing/factories/video-booking';
import { openPostgres, type Db, type DbHandle } from './client';
import { migratePostgres, PG_BOSS_CRON_QUEUE } from './migrate-postgres';
import { APPEND_ONLY_TABLES, grantAppRole, quoteIdent, roleOfUrl } from './privileges';
import { auditEvents, consultNotes } from './schema';

type Exec = DbHandle['executeSql'];

/** One row in each append-only table, written through `db` (the app role needs only INSERT for this). */
async function fillAppendOnlyTables(db: Db): Promise<void> {
  await db.insert(auditEvents).values({ action: 'test.write', resourceType: 'test', outcome: 'allowed' });
  const patient = await makePatient(db);
  await makeCase(db, { patientId: patient.id });
  const { booking, clinician } = await makeConfirmedBooking(db, { startsAt: new Date(Date.now() - 3 * 3600_000), status: 'completed' });
  await db.insert(consultNotes).values({ bookingId: booking.id, revision: 1, authorId: clinician.id, clinicalNotes: 'Notes.', patientSummary: null });
}

async function rowCounts(exec: Exec): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of APPEND_ONLY_TABLES) out[table] = Number((await exec(`select count(*)::int as n from ${table}`)).rows[0]!.n);
  return out;
}

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
  return 'allowed';
}

const WRITES = (table: string) => ({
  UPDATE: `update ${table} set id = id`,
  DELETE: `delete from ${table}`,
  TRUNCATE: `truncate ${table} cascade`,
});

describe('finding 8: append-only tables refuse UPDATE, DELETE and TRUNCATE by trigger, whoever asks', () => {
  describe.each(testDbKinds())('%s, as the owner', (kind) => {
    const t = useTestDb(kind);

    it('refuses every change to audit_events, intake_versions and consult_notes and keeps the rows', async () => {
      await fillAppendOnlyTables(t.db);
      const before = await rowCounts(t.executeSql);
      expect(Object.values(before).every((n) => n >= 1)).toBe(true);
      for (const table of APPEND_ONLY_TABLES) {
        for (const [op, statement] of Object.entries(WRITES(table))) {
          expect(await refusal(t.executeSql(statement)), `${op} ${table}`).toMatch(new RegExp(`${table} is append-only: ${op} refused`));
        }
      }
      // TRUNCATE of a parent cascades into intake_versions and consult_notes: refused there too.
      expect(await refusal(t.executeSql('truncate cases cascade'))).toMatch(/intake_versions is append-only: TRUNCATE refused/);
      expect(await refusal(t.executeSql('truncate bookings cascade'))).toMatch(/consult_notes is append-only: TRUNCATE refused/);
      expect(await rowCounts(t.executeSql)).toEqual(before);
    });
  });
});

describe.skipIf(!env().DATABASE_URL)('finding 8: on PostgreSQL the app runs as a role with DML only', () => {
  let lp: LeastPrivilegeDatabase;
  let owner: DbHandle;
  let app: DbHandle;

  beforeAll(async () => {
    lp = await createLeastPrivilegeDatabase(env().DATABASE_URL!);
    await migratePostgres(lp.ownerUrl, { appRole: lp.appRole, jobQueues: JOBS.map((j) => j.name) });
    owner = await openPostgres(lp.ownerUrl, { max: 2 });
    app = await openPostgres(lp.appUrl, { max: 2 });
    await fillAppendOnlyTables(app.db);
  });
  afterAll(async () => {
    await app?.close();
    await owner?.close();
    await lp?.drop();
  });

  it('connects as two different roles, neither a superuser', async () => {
    const who = async (h: DbHandle) => (await h.executeSql('select current_user as u, (select rolsuper from pg_roles where rolname = current_user) as s')).rows[0];
    expect(await who(app)).toEqual({ u: lp.appRole, s: false });
    expect((await who(owner))!.u).not.toBe(lp.appRole);
    expect((await who(owner))!.s).toBe(false);
  });

  it('lets the app role INSERT and SELECT the append-only tables, never UPDATE, DELETE or TRUNCATE them', async () => {
    const before = await rowCounts(app.executeSql);
    for (const table of APPEND_ONLY_TABLES) {
      for (const [op, statement] of Object.entries(WRITES(table))) {
        expect(await refusal(app.executeSql(statement)), `${op} ${table}`).toMatch(new RegExp(`permission denied for table ${table}`));
      }
    }
    expect(await rowCounts(app.executeSql)).toEqual(before);
  });

  it('does not let the app role drop or disable a trigger, drop a table or create one', async () => {
    expect(await refusal(app.executeSql('drop trigger audit_events_append_only on audit_events'))).toMatch(/must be owner of (table|relation) audit_events/);
    expect(await refusal(app.executeSql('alter table consult_notes disable trigger user'))).toMatch(/must be owner of (table|relation) consult_notes/);
    expect(await refusal(app.executeSql('drop table intake_versions cascade'))).toMatch(/must be owner of (table|relation) intake_versions/);
    expect(await refusal(app.executeSql('drop function refuse_mutation() cascade'))).toMatch(/must be owner of function refuse_mutation/);
    expect(await refusal(app.executeSql('create table public.sneaky (x int)'))).toMatch(/permission denied for schema public/);
    const { rows } = await owner.executeSql(`select count(*)::int as n from pg_trigger where not tgisinternal and tgenabled = 'O' and tgrelid::regclass::text in ('audit_events', 'intake_versions', 'consult_notes')`);
    expect(rows[0]!.n).toBe(6);
  });

  it('the triggers refuse the owner too', async () => {
    for (const table of APPEND_ONLY_TABLES) {
      expect(await refusal(owner.executeSql(`delete from ${table}`))).toMatch(new RegExp(`${table} is append-only: DELETE refused`));
      expect(await refusal(owner.executeSql(`truncate ${table} cascade`))).toMatch(new RegExp(`${table} is append-only: TRUNCATE refused`));
    }
  });

  it('refuses to treat a superuser or the owner itself as the app role', async () => {
    const exec = (text: string) => owner.executeSql(text);
    await expect(grantAppRole(exec, 'postgres')).rejects.toThrow(/would bypass least privilege/);
    await expect(grantAppRole(exec, roleOfUrl(lp.ownerUrl))).rejects.toThrow(/would bypass least privilege/);
  });

  it('keeps full DML on the other tables, including one a later migration adds', async () => {
    await app.executeSql(`update bookings set updated_at = now()`);
    await app.executeSql(`delete from video_signals`);
    await owner.executeSql('create table later_feature (id int primary key, note text)');
    await app.executeSql(`insert into later_feature values (1, 'a')`);
    await app.executeSql(`update later_feature set note = 'b'`);
    expect((await app.executeSql('select note from later_feature')).rows).toEqual([{ note: 'b' }]);
  });

  it('works the job queues as the app role (pg-boss schema and queues installed by the owner at migrate time)', async () => {
    const boss = new PgBoss({ connectionString: lp.appUrl, max: 2, migrate: true, supervise: false, schedule: false });
    await boss.start();
    try {
      const name = JOBS[0]!.name;
      await boss.createQueue(name); // already there: no DDL needed
      const id = await boss.send(name, { probe: true });
      const [job] = await boss.fetch(name);
      expect(job?.id).toBe(id);
      await boss.complete(name, job!.id);
      await boss.schedule(name, '* * * * *', {}, { tz: 'UTC', singletonKey: name });
      await boss.unschedule(name);
      await boss.maintain(); // the supervisor's expire/archive/drop: DML only
      expect((await boss.getJobById(name, id!))?.state).toBe('completed');
      // A queue nobody installed needs DDL, which the app role may not run: migrate first.
      expect(await refusal(boss.createQueue('not.installed.at.migrate'))).toMatch(/permission denied for schema pgboss/);
    } finally {
      await boss.stop({ graceful: false, wait: true, timeout: 2_000 });
    }
  });

  it('sends scheduled jobs as the app role: the cron queue pg-boss would create at start exists (its failure is silent)', async () => {
    // As lib/jobs/boss.ts starts it in the server: with the timekeeper, whose createQueue error pg-boss swallows.
    const boss = new PgBoss({ connectionString: lp.appUrl, max: 2, migrate: true, supervise: false, schedule: true });
    await boss.start();
    try {
      expect(await boss.getQueue(PG_BOSS_CRON_QUEUE)).not.toBeNull();
      const name = JOBS[0]!.name;
      // What the timekeeper does when a cron is due: a send-it job, worked into the real queue.
      const id = await boss.send(PG_BOSS_CRON_QUEUE, { name, data: { probe: 'cron' } }, { singletonKey: name, singletonSeconds: 60 });
      expect(id).not.toBeNull();
    } finally {
      await boss.stop({ graceful: false, wait: true, timeout: 2_000 });
    }
  });
});

describe('role names and URLs', () => {
  it('splices only plain lower-case names into DDL and reads the role from a URL', () => {
    expect(quoteIdent('triage_app')).toBe('"triage_app"');
    for (const bad of ['Triage', 'app"; drop table audit_events; --', '', '1app']) expect(() => quoteIdent(bad)).toThrow(/not a plain/);
    expect(roleOfUrl('postgres://triage_app:p%40ss@db/triage')).toBe('triage_app');
    expect(() => roleOfUrl('postgres://db.example/triage')).toThrow(/names no user/);
  });
});
