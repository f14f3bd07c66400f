import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** A per-machine AUTH_SECRET for the demo, kept beside the embedded database (never in the repo). */
export function ensureDemoAuthSecret(dataDir: string): string {
  const file = path.join(dataDir, 'auth-secret');
  fs.mkdirSync(dataDir, { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString('base64url'), { mode: 0o600 });
  return fs.readFileSync(file, 'utf8').trim();
}
