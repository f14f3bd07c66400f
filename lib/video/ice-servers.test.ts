import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { env, resetEnvCache } from '@/lib/env';
import { iceServersForParticipant, mintTurnCredential } from './ice-servers';

function setEnv(vars: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(vars)) vi.stubEnv(k, v);
  resetEnvCache();
}

describe('ICE_SERVERS', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    resetEnvCache();
  });

  it('defaults to none (host candidates only)', () => {
    setEnv({ ICE_SERVERS: undefined });
    expect(env().ICE_SERVERS).toEqual([]);
  });

  it('reads a JSON array of STUN servers', () => {
    setEnv({ ICE_SERVERS: '[{"urls":"stun:stun.example.com"},{"urls":["stun:a.example.com:3478","stuns:b.example.com:5349"]}]' });
    expect(env().ICE_SERVERS).toEqual([{ urls: 'stun:stun.example.com' }, { urls: ['stun:a.example.com:3478', 'stuns:b.example.com:5349'] }]);
  });

  it('names the variable when it is not JSON or not ICE servers', () => {
    setEnv({ ICE_SERVERS: 'stun:stun.example.com' });
    expect(() => env()).toThrow(/ICE_SERVERS: ICE_SERVERS must be a JSON array/);
    setEnv({ ICE_SERVERS: '[{"urls":"http://nope"}]' });
    expect(() => env()).toThrow(/ICE_SERVERS\.0\.urls/);
  });
});

describe('finding 13: TURN REST credentials instead of static ones', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    resetEnvCache();
  });

  it('refuses a TURN server or static credentials in ICE_SERVERS (they would reach every browser)', () => {
    setEnv({ ICE_SERVERS: '[{"urls":"turn:turn.example.com:3478","username":"u","credential":"p"}]' });
    expect(() => env()).toThrow(/ICE_SERVERS is for STUN only/);
    setEnv({ ICE_SERVERS: '[{"urls":"stun:stun.example.com","username":"u","credential":"p"}]' });
    expect(() => env()).toThrow(/ICE_SERVERS takes no username or credential/);
  });

  it('needs TURN_SECRET and TURN_URLS together, and TURN urls in TURN_URLS', () => {
    setEnv({ TURN_SECRET: 'a-long-enough-turn-secret', TURN_URLS: undefined });
    expect(() => env()).toThrow(/TURN_SECRET and TURN_URLS go together/);
    setEnv({ TURN_SECRET: undefined, TURN_URLS: 'turn:turn.example.com:3478' });
    expect(() => env()).toThrow(/TURN_SECRET and TURN_URLS go together/);
    setEnv({ TURN_SECRET: 'a-long-enough-turn-secret', TURN_URLS: 'stun:turn.example.com' });
    expect(() => env()).toThrow(/TURN_URLS are turn: or turns: urls/);
  });

  it("mints coturn's REST credential: username <expiry>:<user id>, password base64(HMAC-SHA1(secret, username))", () => {
    // Expected value computed outside Node: printf '1700014400:user-1' | openssl dgst -sha1 -hmac <secret> -binary | base64
    const minted = mintTurnCredential('north-wind-turn-secret-0123', 'user-1', 1_700_000_000_000, 4 * 3600);
    expect(minted).toEqual({ username: '1700014400:user-1', credential: 'MtZnD/9wH434KY3u6Ul+y7CaeHc=', expiresAt: new Date(1_700_014_400_000) });
    expect(() => mintTurnCredential('north-wind-turn-secret-0123', 'a:b', 0, 600)).toThrow(/without ":"/);
  });

  it('gives each participant their own short-lived credential next to the STUN servers', () => {
    setEnv({
      ICE_SERVERS: '[{"urls":"stun:stun.example.com"}]',
      TURN_SECRET: 'north-wind-turn-secret-0123',
      TURN_URLS: 'turn:turn.example.com:3478, turns:turn.example.com:5349',
      TURN_TTL_SECONDS: '7200',
    });
    const now = Date.UTC(2026, 11, 1, 9, 0, 0);
    const a = iceServersForParticipant('patient-1', now);
    const b = iceServersForParticipant('clinician-1', now);
    const expiry = now / 1000 + 7200;
    expect(a).toEqual([
      { urls: 'stun:stun.example.com' },
      { urls: ['turn:turn.example.com:3478', 'turns:turn.example.com:5349'], username: `${expiry}:patient-1`, credential: expect.any(String) },
    ]);
    expect(a[1]!.credential).toBe(createHmac('sha1', 'north-wind-turn-secret-0123').update(`${expiry}:patient-1`).digest('base64'));
    expect(b[1]!.username).toBe(`${expiry}:clinician-1`);
    expect(b[1]!.credential).not.toBe(a[1]!.credential);
  });

  it('hands out no TURN entry (and no credential) when no relay is configured', () => {
    setEnv({ ICE_SERVERS: '[{"urls":"stun:stun.example.com"}]', TURN_SECRET: undefined, TURN_URLS: undefined });
    expect(iceServersForParticipant('patient-1', Date.now())).toEqual([{ urls: 'stun:stun.example.com' }]);
  });
});
