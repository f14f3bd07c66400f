/**
 * A tiny local stand-in for the Stripe endpoints this app calls, for tests with the REAL stripe SDK:
 * `new Stripe(key, { host: '127.0.0.1', port, protocol: 'http', maxNetworkRetries: 0 })` (or STRIPE_API_BASE).
 * Implements POST /v1/checkout/sessions (form-encoded, Idempotency-Key honoured), GET /v1/checkout/sessions/:id,
 * POST /v1/checkout/sessions/:id/expire, POST /v1/refunds. State lives in memory; tests drive payments with
 * `complete()` and build the matching webhook events themselves.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

type Json = Record<string, unknown>;

interface StandInSession extends Json {
  id: string;
  object: 'checkout.session';
  status: 'open' | 'complete' | 'expired';
  payment_status: 'unpaid' | 'paid';
  client_reference_id: string | null;
  metadata: Record<string, string>;
  expires_at: number;
  amount_total: number;
  currency: string;
  customer_email: string | null;
  payment_intent: string | null;
  url: string | null;
  mode: string;
}

interface StandInRefund extends Json {
  id: string;
  object: 'refund';
  amount: number;
  payment_intent: string;
  status: 'succeeded';
}

interface RecordedRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  params: Json;
}

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;

/** a[b][0][c]=1 → { a: { b: [ { c: '1' } ] } } (Stripe's form encoding). */
function parseStripeForm(body: string): Json {
  const out: Json = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.replace(/\]/g, '').split('[');
    let node: Json | unknown[] = out;
    path.forEach((segment, i) => {
      const last = i === path.length - 1;
      const nextIsIndex = !last && /^\d+$/.test(path[i + 1]!);
      const k = /^\d+$/.test(segment) && Array.isArray(node) ? Number(segment) : segment;
      const container = node as Record<string | number, unknown>;
      if (last) container[k] = value;
      else {
        container[k] ??= nextIsIndex ? [] : {};
        node = container[k] as Json;
      }
    });
  }
  return out;
}

export interface StripeStandIn {
  url: string;
  port: number;
  sessions: Map<string, StandInSession>;
  refunds: StandInRefund[];
  requests: RecordedRequest[];
  /** Make the next N calls to an endpoint fail with a 500 (to test retries). */
  failNext(path: RegExp, times?: number): void;
  /** The patient paid (or started a delayed payment): returns the updated session. */
  complete(sessionId: string, opts?: { paymentStatus?: 'paid' | 'unpaid' }): StandInSession;
  close(): Promise<void>;
}

export async function startStripeStandIn(): Promise<StripeStandIn> {
  const sessions = new Map<string, StandInSession>();
  const refunds: StandInRefund[] = [];
  const requests: RecordedRequest[] = [];
  const idempotent = new Map<string, { status: number; body: Json }>();
  const failures: { path: RegExp; times: number }[] = [];

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      const key = (req.headers['idempotency-key'] as string | undefined) ?? null;
      const params = req.method === 'GET' ? Object.fromEntries(url.searchParams) : parseStripeForm(raw);
      requests.push({ method: req.method ?? 'GET', path: url.pathname, idempotencyKey: key, params });
      const send = (status: number, body: Json) => {
        if (key && req.method === 'POST' && status < 500) idempotent.set(`${url.pathname}:${key}`, { status, body });
        res.writeHead(status, { 'content-type': 'application/json', 'request-id': id('req') });
        res.end(JSON.stringify(body));
      };
      const failure = failures.find((f) => f.times > 0 && f.path.test(url.pathname));
      if (failure) {
        failure.times--;
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { type: 'api_error', message: 'stand-in failure' } }));
        return;
      }
      const replay = key ? idempotent.get(`${url.pathname}:${key}`) : undefined;
      if (replay) return send(replay.status, replay.body);
      const error = (status: number, message: string) => send(status, { error: { type: 'invalid_request_error', message } });

      if (req.method === 'POST' && url.pathname === '/v1/checkout/sessions') {
        const p = params as { client_reference_id?: string; metadata?: Record<string, string>; expires_at?: string; customer_email?: string; mode?: string; line_items?: { quantity: string; price_data: { currency: string; unit_amount: string } }[] };
        const expiresAt = Number(p.expires_at ?? 0);
        const now = Math.floor(Date.now() / 1000);
        if (expiresAt && (expiresAt < now + 30 * 60 || expiresAt > now + 24 * 3600)) return error(400, 'expires_at must be between 30 minutes and 24 hours from now');
        const item = p.line_items?.[0];
        if (!item) return error(400, 'line_items is required');
        const sid = id('cs_test');
        const session: StandInSession = {
          id: sid,
          object: 'checkout.session',
          status: 'open',
          payment_status: 'unpaid',
          client_reference_id: p.client_reference_id ?? null,
          metadata: p.metadata ?? {},
          expires_at: expiresAt || now + 24 * 3600,
          amount_total: Number(item.price_data.unit_amount) * Number(item.quantity ?? 1),
          currency: item.price_data.currency,
          customer_email: p.customer_email ?? null,
          payment_intent: null,
          url: `https://checkout.stripe.test/c/pay/${sid}`,
          mode: p.mode ?? 'payment',
        };
        sessions.set(sid, session);
        return send(200, session);
      }
      const expire = /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/.exec(url.pathname);
      if (req.method === 'POST' && expire) {
        const s = sessions.get(expire[1]!);
        if (!s) return error(404, 'No such checkout.session');
        if (s.status !== 'open') return error(400, `Only Checkout Sessions with a status of open can be expired (this one is ${s.status}).`);
        s.status = 'expired';
        s.url = null;
        return send(200, s);
      }
      const get = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(url.pathname);
      if (req.method === 'GET' && get) {
        const s = sessions.get(get[1]!);
        return s ? send(200, s) : error(404, 'No such checkout.session');
      }
      if (req.method === 'POST' && url.pathname === '/v1/refunds') {
        const p = params as { payment_intent?: string; amount?: string };
        const paid = [...sessions.values()].find((s) => s.payment_intent === p.payment_intent && s.payment_status === 'paid');
        if (!paid) return error(400, `No paid charge for payment_intent ${p.payment_intent}`);
        const already = refunds.filter((r) => r.payment_intent === p.payment_intent).reduce((n, r) => n + r.amount, 0);
        const amount = p.amount ? Number(p.amount) : paid.amount_total - already;
        if (amount <= 0 || already + amount > paid.amount_total) return error(400, 'Refund amount exceeds the charge');
        const refund: StandInRefund = { id: id('re'), object: 'refund', amount, payment_intent: p.payment_intent!, status: 'succeeded' };
        refunds.push(refund);
        return send(200, refund);
      }
      error(404, `Unrecognized request URL (${req.method}: ${url.pathname})`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    sessions,
    refunds,
    requests,
    failNext(path, times = 1) {
      failures.push({ path, times });
    },
    complete(sessionId, opts = {}) {
      const s = sessions.get(sessionId);
      if (!s) throw new Error(`no session ${sessionId}`);
      s.status = 'complete';
      s.payment_status = opts.paymentStatus ?? 'paid';
      s.payment_intent ??= id('pi');
      return { ...s };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A webhook event envelope like Stripe's, around `object`. */
export function stripeEvent(type: string, object: Json, opts: { id?: string; created?: number } = {}): Json {
  return {
    id: opts.id ?? id('evt'),
    object: 'event',
    api_version: '2025-01-01',
    created: opts.created ?? Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  };
}
