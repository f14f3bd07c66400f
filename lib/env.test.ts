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

  it('takes MIGRATION_DATABASE_URL only beside DATABASE_URL, for the same database as another role', () => {
    vi.stubEnv('DATABASE_URL', 'postgres://triage_app@db.example:5432/triage');
    vi.stubEnv('MIGRATION_DATABASE_URL', 'postgres://triage_owner@db.example/triage');
    resetEnvCache();
    expect(env().MIGRATION_DATABASE_URL).toBe('postgres://triage_owner@db.example/triage');
    vi.stubEnv('MIGRATION_DATABASE_URL', 'postgres://triage_owner@db.example:5432/other');
    resetEnvCache();
    expect(() => env()).toThrow(/MIGRATION_DATABASE_URL must name the same host, port and database/);
    vi.stubEnv('DATABASE_URL', undefined);
    resetEnvCache();
    expect(() => env()).toThrow(/MIGRATION_DATABASE_URL needs DATABASE_URL/);
  });
});
