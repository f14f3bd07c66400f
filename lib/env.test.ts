import { afterEach, describe, expect, it, vi } from 'vitest';
import { databaseKind, env, mailTransportKind, resetEnvCache } from './env';

describe('env', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    resetEnvCache();
  });

  it('defaults to the embedded database and the demo outbox', () => {
    vi.stubEnv('DATABASE_URL', undefined);
    vi.stubEnv('SMTP_URL', undefined);
    resetEnvCache();
    expect(databaseKind()).toBe('pglite');
    expect(mailTransportKind()).toBe('outbox');
    expect(env().SESSION_IDLE_MINUTES).toBe(30);
  });

  it('switches to PostgreSQL and SMTP when configured', () => {
    vi.stubEnv('DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/x');
    vi.stubEnv('SMTP_URL', 'smtp://localhost:2525');
    resetEnvCache();
    expect(databaseKind()).toBe('postgres');
    expect(mailTransportKind()).toBe('smtp');
  });

  it('names the variable and the fix when a value is invalid', () => {
    vi.stubEnv('DATABASE_URL', 'mysql://nope');
    resetEnvCache();
    expect(() => env()).toThrow(/DATABASE_URL must start with postgres:\/\/.*\.env\.example/s);
  });
});
