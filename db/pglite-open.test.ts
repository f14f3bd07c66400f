import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from './client';

describe('opening an embedded database folder', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-pglite-open-'));
  const made = path.join(root, 'made');
  // One folder is made (the slow part) and copied for each case.
  beforeAll(async () => {
    const first = await openPglite(made);
    await first.executeSql('create table kept (n int); insert into kept values (42)');
    await first.close();
  }, 180_000);
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('a stale lock left by a dead process is taken over and the data is there', async () => {
    const dir = path.join(root, 'stale');
    fs.cpSync(made, dir, { recursive: true });
    // What a SIGKILLed server leaves: its lock file, naming a pid that no longer runs.
    fs.writeFileSync(`${dir}.lock`, '999999');
    const again = await openPglite(dir);
    try {
      expect((await again.executeSql('select n from kept')).rows).toEqual([{ n: 42 }]);
      expect(fs.readFileSync(`${dir}.lock`, 'utf8')).toBe(String(process.pid));
    } finally {
      await again.close();
    }
  }, 120_000);

  it('a folder PGlite cannot read fails with what to do, not a bare Aborted(), and leaves no lock', async () => {
    const dir = path.join(root, 'broken');
    fs.cpSync(made, dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'global', 'pg_control'), Buffer.alloc(8192, 7));
    const err = await openPglite(dir).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(err?.message).toContain(`could not be opened`);
    expect(err?.message).toContain(`mv '${dir}'`);
    expect(err?.message).toContain('npm run demo');
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  }, 120_000);
});
