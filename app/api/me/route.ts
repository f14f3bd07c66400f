import { NextResponse } from 'next/server';
import { apiGuard } from '@/lib/auth/guards';
import { withDatabaseErrors } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** The signed-in user: id, email, name, roles, timezone. 401 when anonymous. */
async function handleGet() {
  const guard = await apiGuard();
  if (!guard.ok) return guard.response;
  return NextResponse.json(guard.user);
}

export const GET = withDatabaseErrors(handleGet);
