import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Issue 13 "fail fast, never hang": a database that stops answering after a route's guard answers 503 (retry later),
// never a bare 500 a client cannot tell from a bug. withDatabaseErrors (lib/http.ts) does that, and
// app/api/queue/queue-unavailable.test.ts shows it on a refused connection; this test keeps every route handler under it,
// so a new one cannot ship without it. next-auth's own handlers are wrapped too (their adapter failures are turned into
// errors first: app/api/auth/[...nextauth]/route.test.ts).
const API_DIR = path.resolve(import.meta.dirname);
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function routeFiles(dir = API_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(full);
    return e.name === 'route.ts' ? [full] : [];
  });
}

describe('every route handler answers 503 when the database stops answering mid-request', () => {
  const files = routeFiles();

  it('finds the route handlers', () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it.each(files.map((f) => [path.relative(API_DIR, f), f]))('%s exports its methods through withDatabaseErrors', (_name, file) => {
    const src = readFileSync(file, 'utf8');
    const exported = METHODS.filter((m) => new RegExp(`^export (?:async function|const|function) ${m}\\b`, 'm').test(src));
    expect(exported.length, 'exports no HTTP method').toBeGreaterThan(0);
    const bare = exported.filter((m) => !new RegExp(`^export const ${m} = withDatabaseErrors\\(`, 'm').test(src));
    expect(bare, 'handlers not wrapped in withDatabaseErrors').toEqual([]);
  });
});
