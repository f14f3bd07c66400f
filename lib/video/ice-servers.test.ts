import { afterEach, describe, expect, it, vi } from 'vitest';
import { env, resetEnvCache } from '@/lib/env';

describe('ICE_SERVERS', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    resetEnvCache();
  });

  it('defaults to none (host candidates only)', () => {
    vi.stubEnv('ICE_SERVERS', undefined);
    resetEnvCache();
    expect(env().ICE_SERVERS).toEqual([]);
  });

  it('reads a JSON array of STUN/TURN servers', () => {
    vi.stubEnv('ICE_SERVERS', '[{"urls":"stun:stun.example.com"},{"urls":["turn:turn.example.com:3478","turns:turn.example.com:5349"],"username":"u","credential":"p"}]');
    resetEnvCache();
    expect(env().ICE_SERVERS).toEqual([
      { urls: 'stun:stun.example.com' },
      { urls: ['turn:turn.example.com:3478', 'turns:turn.example.com:5349'], username: 'u', credential: 'p' },
    ]);
  });

  it('names the variable when it is not JSON or not ICE servers', () => {
    vi.stubEnv('ICE_SERVERS', 'stun:stun.example.com');
    resetEnvCache();
    expect(() => env()).toThrow(/ICE_SERVERS: ICE_SERVERS must be a JSON array/);
    vi.stubEnv('ICE_SERVERS', '[{"urls":"http://nope"}]');
    resetEnvCache();
    expect(() => env()).toThrow(/ICE_SERVERS\.0\.urls/);
  });
});
