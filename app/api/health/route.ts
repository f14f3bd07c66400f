import { NextResponse } from 'next/server';
import { getDbHandle } from '@/db';
import { databaseKind } from '@/lib/env';
import { requestLog } from '@/lib/log';
import { withDatabaseErrors } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** The ping's own bound: a database that stopped answering makes this route 503 within it (CONTRACTS §1: within 2 s). */
const PING_TIMEOUT_MS = 1_500;

function withinTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the database did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** CONTRACTS §1: 200 {"ok":true,"db"} or 503 when the database does not answer (in time). */
async function handleGet() {
  let db = databaseKind();
  try {
    await withinTimeout(
      (async () => {
        const handle = await getDbHandle();
        db = handle.kind;
        await handle.ping();
      })(),
      PING_TIMEOUT_MS,
    );
    return NextResponse.json({ ok: true, db }, { headers: { 'cache-control': 'no-store' } });
  } catch (err) {
    (await requestLog()).error({ err }, 'health check failed');
    return NextResponse.json({ ok: false, db, error: 'database_unreachable' }, { status: 503, headers: { 'cache-control': 'no-store' } });
  }
}

export const GET = withDatabaseErrors(handleGet);
