import { NextResponse } from 'next/server';
import { apiGuard } from '@/lib/auth/guards';

export const dynamic = 'force-dynamic';

/** The signed-in user: id, email, name, roles, timezone. 401 when anonymous. */
export async function GET() {
  const guard = await apiGuard();
  if (!guard.ok) return guard.response;
  return NextResponse.json(guard.user);
}
