import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { rightScapulaIntake } from '@/db/seed/forum-cases';
import { seedAccounts } from '@/db/seed/accounts';
import { testDbKinds, useTestDb } from '@/lib/testing/db';
import { gridSlot, makeBookableClinician, makeConsultType } from '@/lib/testing/factories/booking';
import { makePatient } from '@/lib/testing/factories/people';
import { useStripeStandIn } from '@/lib/testing/paid-booking';
import { sameOriginJson } from '@/lib/testing/requests';
import type { Role } from '@/lib/domain/roles';

// CONTRACTS §4d. Only the session is faked: guards, routes, services and the key table run for real.
type SessionUser = { id: string; email: string; name: string | null; roles: Role[]; timezone: string };
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/config', () => ({
  auth: async () => (session.user ? { user: session.user, expires: new Date(Date.now() + 3_600_000).toISOString() } : null),
}));

const { POST: SUBMIT } = await import('./intakes/route');
const { POST: HOLD } = await import('./bookings/route');
const { sweepIdempotencyKeys } = await import('@/lib/idempotency/jobs');

const withKey = (key: string | undefined): Record<string, string> => (key === undefined ? {} : { 'idempotency-key': key });
const submit = (body: unknown, key?: string) => SUBMIT(sameOriginJson('http://test/api/intakes', 'POST', body, withKey(key)));
const hold = (body: unknown, key?: string) => HOLD(sameOriginJson('http://test/api/bookings', 'POST', body, withKey(key)));

async function asJson(res: Response) {
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe.each(testDbKinds())('Idempotency-Key (%s)', (kind) => {
  beforeAll(() => {
    delete process.env.STRIPE_SECRET_KEY; // the demo checkout: no network
  });
  const t = useTestDb(kind);
  const count = async (sql: string, values: unknown[] = []) => Number((await t.executeSql(sql, values)).rows[0]?.n);
  const signIn = async () => {
    const p = await makePatient(t.db);
    session.user = { id: p.id, email: p.email, name: p.name, roles: ['patient'], timezone: 'UTC' };
    return p;
  };

  beforeEach(async () => {
    await seedAccounts(t.db); // clinicians to route intakes to
    session.user = null;
  });

  describe('POST /api/intakes', () => {
    it('the same key twice: the first 201 and body again, one case', async () => {
      await signIn();
      const first = await submit(rightScapulaIntake(), 'attempt-1');
      const again = await submit(rightScapulaIntake(), 'attempt-1');
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.headers.get('location')).toBe(first.headers.get('location'));
      const a = await asJson(first);
      expect(a.status).toBe(201);
      expect(await asJson(again)).toEqual(a);
      expect(await count('select count(*)::int as n from cases')).toBe(1);
      expect(await count(`select count(*)::int as n from audit_events where action = 'intake.submit'`)).toBe(1);
    });

    it('the same key with a different body: 422 idempotency_key_reused, nothing new', async () => {
      await signIn();
      expect((await submit(rightScapulaIntake(), 'k')).status).toBe(201);
      const other = rightScapulaIntake();
      other.complaint.summary = 'A different complaint altogether';
      const res = await submit(other, 'k');
      expect(res.status).toBe(422);
      expect((await res.json()).error).toBe('idempotency_key_reused');
      expect(await count('select count(*)::int as n from cases')).toBe(1);
    });

    it('five concurrent requests with one key: one case, five identical 201s', async () => {
      await signIn();
      const results = await Promise.all(Array.from({ length: 5 }, () => submit(rightScapulaIntake(), 'burst').then(asJson)));
      expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
      expect(new Set(results.map((r) => JSON.stringify(r.body))).size).toBe(1);
      expect(await count('select count(*)::int as n from cases')).toBe(1);
      expect(await count('select count(*)::int as n from intake_versions')).toBe(1);
      expect(await count('select count(*)::int as n from idempotency_keys')).toBe(1);
    });

    it("another user's identical key is theirs alone: two cases", async () => {
      await signIn();
      const a = await asJson(await submit(rightScapulaIntake(), 'shared'));
      await signIn();
      const b = await asJson(await submit(rightScapulaIntake(), 'shared'));
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(b.body.id).not.toBe(a.body.id);
      expect(await count('select count(*)::int as n from cases')).toBe(2);
    });

    it('a malformed key is refused with 400 and nothing is stored; no key means no protection asked for', async () => {
      await signIn();
      for (const bad of ['', 'x'.repeat(101)]) {
        const res = await submit(rightScapulaIntake(), bad);
        expect(res.status).toBe(400);
        expect((await res.json()).error).toBe('invalid_idempotency_key');
      }
      expect((await submit(rightScapulaIntake(), 'x'.repeat(100))).status).toBe(201);
      expect(await count('select count(*)::int as n from cases')).toBe(1);
      expect((await submit(rightScapulaIntake())).status).toBe(201);
      expect(await count('select count(*)::int as n from cases')).toBe(2);
    });

    it('a key older than 24 hours is forgotten (a new case), and the daily sweep deletes it', async () => {
      const p = await signIn();
      expect((await submit(rightScapulaIntake(), 'old')).status).toBe(201);
      await t.executeSql(`update idempotency_keys set created_at = now() - interval '25 hours' where user_id = $1`, [p.id]);
      expect((await submit(rightScapulaIntake(), 'old')).status).toBe(201);
      expect(await count('select count(*)::int as n from cases')).toBe(2);
      // The second submission took the stale row over; age it again, then the sweep removes it and only it.
      expect((await submit(rightScapulaIntake(), 'fresh')).status).toBe(201);
      await t.executeSql(`update idempotency_keys set created_at = now() - interval '25 hours' where key = 'old'`);
      expect(await sweepIdempotencyKeys()).toBe(1);
      expect((await t.executeSql(`select key from idempotency_keys`)).rows).toEqual([{ key: 'fresh' }]);
    });
  });

  describe('POST /api/bookings', () => {
    let slotBody: (days: number) => { clinicianId: string; consultTypeId: string; startsAt: string };
    beforeEach(async () => {
      const clinician = await makeBookableClinician(t.db);
      const type = await makeConsultType(t.db);
      slotBody = (days) => ({ clinicianId: clinician.id, consultTypeId: type.id, startsAt: gridSlot(days).toISOString() });
    });

    it('the same key twice: the first 201 and body (same checkout) again, one hold, one payment', async () => {
      await signIn();
      const a = await asJson(await hold(slotBody(5), 'h1'));
      const again = await hold(slotBody(5), 'h1');
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(a).toMatchObject({ status: 201, body: { status: 'pending_payment', checkoutUrl: expect.any(String) } });
      expect(await asJson(again)).toEqual(a);
      expect(await count('select count(*)::int as n from bookings')).toBe(1);
      expect(await count('select count(*)::int as n from payments')).toBe(1);
    });

    it('the same key for another slot: 422, no second hold', async () => {
      await signIn();
      expect((await hold(slotBody(5), 'h2')).status).toBe(201);
      const res = await hold(slotBody(6), 'h2');
      expect(res.status).toBe(422);
      expect((await res.json()).error).toBe('idempotency_key_reused');
      expect(await count('select count(*)::int as n from bookings')).toBe(1);
    });

    it('five concurrent requests with one key: one hold, five identical 201s (not one 201 and four 409s)', async () => {
      await signIn();
      const results = await Promise.all(Array.from({ length: 5 }, () => hold(slotBody(5), 'burst').then(asJson)));
      expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
      expect(new Set(results.map((r) => JSON.stringify(r.body))).size).toBe(1);
      expect(await count('select count(*)::int as n from bookings')).toBe(1);
      expect(await count('select count(*)::int as n from payments')).toBe(1);
    });

    it("another user's identical key is theirs alone", async () => {
      await signIn();
      const a = await asJson(await hold(slotBody(5), 'shared'));
      await signIn();
      const b = await asJson(await hold(slotBody(6), 'shared'));
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(b.body.id).not.toBe(a.body.id);
      expect(await count('select count(*)::int as n from bookings')).toBe(2);
    });

    it('a refused hold stores no key: the retry is judged afresh', async () => {
      await signIn();
      expect((await hold(slotBody(5), 'first')).status).toBe(201);
      await signIn();
      expect((await hold(slotBody(5), 'taken')).status).toBe(409);
      expect(await count(`select count(*)::int as n from idempotency_keys where key = 'taken'`)).toBe(0);
      expect((await hold(slotBody(6), 'taken')).status).toBe(201);
    });
  });

  describe('with Stripe (a local stand-in)', () => {
    const pay = useStripeStandIn('whsec_idempotency_test');

    it('a hold released because checkout could not be created takes its key with it: the retry holds afresh', async () => {
      const clinician = await makeBookableClinician(t.db);
      const type = await makeConsultType(t.db);
      const body = { clinicianId: clinician.id, consultTypeId: type.id, startsAt: gridSlot(5).toISOString() };
      await signIn();
      pay.stripe.failNext(/^\/v1\/checkout\/sessions$/);
      const failed = await hold(body, 'k-stripe');
      expect(failed.status).toBe(502);
      expect(await count(`select count(*)::int as n from idempotency_keys`)).toBe(0);
      const retried = await asJson(await hold(body, 'k-stripe'));
      expect(retried).toMatchObject({ status: 201, body: { status: 'pending_payment', checkoutUrl: expect.stringContaining('checkout.stripe.test') } });
      const again = await asJson(await hold(body, 'k-stripe'));
      expect(again).toEqual(retried);
      const { rows } = await t.executeSql(`select status from bookings order by status`);
      expect(rows).toEqual([{ status: 'expired' }, { status: 'pending_payment' }]);
    });
  });
});
