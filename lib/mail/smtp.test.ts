import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { resetEnvCache } from '@/lib/env';
import { sendMagicLink } from '@/lib/auth/magic-link-mail';
import { testDbKinds, useTestDb } from '@/lib/testing/db';
import { startSmtpServer, type TestSmtpServer } from '@/lib/testing/smtp';
import { deliverPendingMail } from './deliver';

const require = createRequire(import.meta.url);

/** Compares dotted versions numerically: -1, 0 or 1. */
function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) < (pb[i] ?? 0) ? -1 : 1;
  return 0;
}

describe.each(testDbKinds())('finding 15: nodemailer ≥ 9.0.1 still delivers the magic link to a real SMTP server (%s)', (kind) => {
  // Every mail goes through the outbox table, so the send path needs a database.
  useTestDb(kind);
  let server: TestSmtpServer;
  let port = 0;

  beforeAll(async () => {
    server = await startSmtpServer();
    port = server.port;
  });

  afterAll(async () => {
    vi.unstubAllEnvs();
    resetEnvCache();
    await server.close();
  });

  it('the installed nodemailer, the one next-auth resolves too, is outside GHSA-p6gq-j5cr-w38f (≤ 9.0.0)', () => {
    const own = (require('nodemailer/package.json') as { version: string }).version;
    expect(compareVersions(own, '9.0.1')).toBeGreaterThanOrEqual(0);
    // No second, older copy nested under next-auth (the override makes its peer resolve to ours).
    expect(fs.existsSync(path.resolve('node_modules/next-auth/node_modules/nodemailer'))).toBe(false);
    const fromNextAuth = createRequire(require.resolve('next-auth/providers/nodemailer'));
    expect((fromNextAuth('nodemailer/package.json') as { version: string }).version).toBe(own);
  });

  it('sendMagicLink (the email provider send path), then the delivery job, hands the link to the SMTP server', async () => {
    vi.stubEnv('DEMO_MODE', 'false');
    vi.stubEnv('SMTP_URL', `smtp://127.0.0.1:${port}`);
    vi.stubEnv('MAIL_FROM', 'Triage & Consult <no-reply@triage.example.com>');
    resetEnvCache();
    const link = 'https://triage.example.com/api/auth/callback/nodemailer?token=abc123&email=athlete%40example.test';
    await sendMagicLink('Athlete@Example.test', link);
    // The link is written to the outbox; the delivery job (run here instead of waiting for the worker) sends it.
    expect(await deliverPendingMail()).toMatchObject({ sent: 1 });

    expect(server.received).toHaveLength(1);
    const mail = server.received[0]!;
    expect(mail.from).toBe('no-reply@triage.example.com');
    expect(mail.to).toEqual(['athlete@example.test']);
    expect(mail.data).toMatch(/^Subject: Sign in to Triage & Consult/m);
    // Quoted-printable may wrap long lines (soft breaks "=\r\n") and encode "=" as "=3D": undo both to read the link.
    const decoded = mail.data.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    expect(decoded).toContain(link);
  });
});
