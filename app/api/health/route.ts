import { NextResponse } from 'next/server';
import { getDbHandle } from '@/db';
import { databaseKind } from '@/lib/env';
import { requestLog } from '@/lib/log';

export const dynamic = 'force-dynamic';

/** CONTRACTS §1: 200 {"ok":true,"db"} or 503 when the database does not answer. */
export async function GET() {
  let db = databaseKind();
  try {
    const handle = await getDbHandle();
    db = handle.kind;
    await handle.ping();
    return NextResponse.json({ ok: true, db }, { headers: { 'cache-control': 'no-store' } });
  } catch (err) {
    (await requestLog()).error({ err }, 'health check failed');
    return NextResponse.json({ ok: false, db, error: 'database_unreachable' }, { status: 503, headers: { 'cache-control': 'no-store' } });
  }
}
