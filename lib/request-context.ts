import 'server-only';
import { headers } from 'next/headers';

export interface RequestContext {
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
}

const EMPTY: RequestContext = { requestId: null, ip: null, userAgent: null };

/** Request id (set by proxy.ts), client IP and user agent; empty outside a request (jobs, scripts, tests). */
export async function requestContext(): Promise<RequestContext> {
  try {
    const h = await headers();
    const forwarded = h.get('x-forwarded-for')?.split(',')[0]?.trim();
    return {
      requestId: h.get('x-request-id'),
      ip: forwarded || h.get('x-real-ip'),
      userAgent: h.get('user-agent')?.slice(0, 400) ?? null,
    };
  } catch {
    return EMPTY;
  }
}
