import 'server-only';
import { headers } from 'next/headers';
import { env } from '@/lib/env';

export interface RequestContext {
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
}

const EMPTY: RequestContext = { requestId: null, ip: null, userAgent: null };

/**
 * The client's address from X-Forwarded-For, counting `trustedHops` proxies from the right: each trusted proxy
 * appends the address it received the request from, so the entry just left of theirs is the client. Entries further
 * left were written by the client and prove nothing. With no proxy (0) the last entry is the socket address, which
 * Next.js's server fills in when the request arrives without the header.
 */
export function clientIpFrom(forwardedFor: string | null, trustedHops: number): string | null {
  const hops = (forwardedFor ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  if (hops.length === 0) return null;
  return hops[Math.max(0, hops.length - Math.max(trustedHops, 1))]!.slice(0, 64);
}

/** Request id (set by proxy.ts), client IP and user agent; empty outside a request (jobs, scripts, tests). */
export async function requestContext(): Promise<RequestContext> {
  let h: Headers;
  try {
    h = new Headers(await headers());
  } catch {
    return EMPTY;
  }
  return {
    requestId: h.get('x-request-id')?.slice(0, 64) ?? null,
    ip: clientIpFrom(h.get('x-forwarded-for'), env().TRUSTED_PROXY_HOPS),
    userAgent: h.get('user-agent')?.slice(0, 400) ?? null,
  };
}
