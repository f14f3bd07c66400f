/**
 * The queue benchmarks' data (bench/queue.bench.ts, bench/load.bench.ts): the demo accounts, 7 more clinicians, 5,000
 * patients and CASES cases (+ intake versions and triage assessments) written with INSERT … SELECT generate_series,
 * then VACUUM ANALYZE.
 */
import type postgres from 'postgres';
import type { Db } from '@/db/client';
import { seedAccounts } from '@/db/seed/accounts';

export async function seedQueueCases(sql: postgres.Sql, db: Db, CASES: number): Promise<{ clinicianId: string; clinicians: string[] }> {
  const t0 = performance.now();
  const accounts = await seedAccounts(db);
  const clinicianId = accounts.get('clinician@demo.test')!;
  const staff = [clinicianId, accounts.get('clinician2@demo.test')!, accounts.get('lead@demo.test')!];
  await sql`INSERT INTO users (id, email, name, roles)
    SELECT 'bench-c-' || g, 'bench-c-' || g || '@example.test', 'Bench Clinician ' || g, ARRAY['clinician']
    FROM generate_series(1, 7) g`;
  await sql`INSERT INTO clinician_profiles (user_id, display_name, areas)
    SELECT 'bench-c-' || g, 'Bench Clinician ' || g, ARRAY['upper_back','low_back','knee'] FROM generate_series(1, 7) g`;
  const clinicians = [...staff, ...Array.from({ length: 7 }, (_, i) => `bench-c-${i + 1}`)];
  await sql`INSERT INTO users (id, email, name, roles)
    SELECT 'bench-p-' || g, 'bench-p-' || g || '@example.test', 'Bench Patient ' || g, ARRAY['patient'] FROM generate_series(1, 5000) g`;
  await sql`INSERT INTO patient_profiles (user_id, name, date_of_birth, timezone)
    SELECT 'bench-p-' || g, 'Bench Patient ' || g, to_char(date '1955-01-01' + (g * 37 % 17000), 'YYYY-MM-DD'), 'UTC' FROM generate_series(1, 5000) g`;
  // Newest first: case g was submitted g × 5 minutes ago (≈ a year of history). The 3,000 newest are open
  // (submitted / in review, a third unassigned); older ones are decided or closed, as a real queue's history is.
  await sql`
    INSERT INTO cases (patient_id, status, urgency, urgency_rank, assigned_clinician_id, regions, areas, submitted_at, sla_due_at, updated_at)
    SELECT 'bench-p-' || (1 + g % 5000),
      CASE WHEN g <= 3000 THEN (CASE WHEN g % 3 = 0 THEN 'submitted' WHEN g % 3 = 1 THEN 'in_review' ELSE 'submitted' END)
           ELSE (ARRAY['advice_sent','consult_recommended','referred','closed','closed'])[1 + g % 5] END,
      u.urgency, u.rank,
      CASE WHEN g <= 3000 AND g % 3 <> 1 THEN NULL ELSE (${sql.array(clinicians)}::text[])[1 + g % ${clinicians.length}] END,
      (ARRAY[ARRAY['upper_back_right'],ARRAY['low_back'],ARRAY['neck'],ARRAY['knee_left'],ARRAY['shoulder_right'],ARRAY['mid_back']])[1 + g % 6 : 1 + g % 6],
      (ARRAY[ARRAY['upper_back'],ARRAY['low_back'],ARRAY['neck'],ARRAY['knee'],ARRAY['shoulder'],ARRAY['mid_back']])[1 + g % 6 : 1 + g % 6],
      now() - make_interval(mins => g * 5),
      now() - make_interval(mins => g * 5) + make_interval(mins => u.minutes),
      now()
    FROM generate_series(1, ${CASES}) g
    CROSS JOIN LATERAL (SELECT CASE WHEN g % 20 = 0 THEN 'emergency' WHEN g % 5 = 0 THEN 'urgent' ELSE 'routine' END AS urgency,
                               CASE WHEN g % 20 = 0 THEN 0 WHEN g % 5 = 0 THEN 1 ELSE 2 END AS rank,
                               CASE WHEN g % 20 = 0 THEN 60 WHEN g % 5 = 0 THEN 1440 ELSE 4320 END AS minutes) u`;
  // A 2-D array slice gives {{x}}; flatten to 1-D text[] as the schema stores.
  await sql`UPDATE cases SET regions = ARRAY(SELECT unnest(regions)), areas = ARRAY(SELECT unnest(areas))`;
  await sql`INSERT INTO intake_versions (case_id, version, submission)
    SELECT id, 1, '{"complaint":{"summary":"Bench case: pain near the shoulder blade after deadlifts."}}'::jsonb FROM cases`;
  await sql`INSERT INTO triage_assessments (case_id, intake_version_id, urgency, reasons, mri_findings)
    SELECT c.id, v.id, c.urgency,
      CASE WHEN c.urgency <> 'routine' THEN '[{"code":"night_pain","source":"screen","text":"Constant night pain that no position eases"}]'::jsonb ELSE '[]'::jsonb END,
      CASE WHEN hashtext(c.id::text) % 4 = 0
        THEN '[{"code":"modic_1","levels":["T5","T7"],"negated":false,"concern":"review","evidence":"Modic type 1 signal changes at T5 and T7.","start":0,"end":40}]'::jsonb
        ELSE '[]'::jsonb END
    FROM cases c JOIN intake_versions v ON v.case_id = c.id`;
  // Fresh visibility map and statistics, as autovacuum would leave a table this size.
  await sql`VACUUM ANALYZE`;
  console.log(`seeded ${CASES.toLocaleString('en')} cases (+ versions, assessments) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return { clinicianId, clinicians };
}
