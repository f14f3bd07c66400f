import 'server-only';
import type { NextResponse } from 'next/server';
import { audit } from '@/lib/audit';
import type { ActorRef } from '@/lib/domain/actor';
import { tooManyRequests } from '@/lib/http';
import { consumeRateLimit, waitPhrase, type RateLimitRule, type RateLimitVerdict } from './index';

/**
 * Counts an attempt and, the first time a bucket is over its limit in a window, writes one audit row. Every later
 * denial in that window only grows the counter row: a flood cannot fill the append-only audit log.
 */
export async function enforceRateLimit(rule: RateLimitRule, subject: string, actor: ActorRef | null): Promise<RateLimitVerdict> {
  const verdict = await consumeRateLimit(rule, subject);
  if (!verdict.ok && verdict.firstDenial) {
    await audit({
      actor,
      action: 'rate_limit.exceeded',
      resourceType: 'rate_limit',
      resourceId: rule,
      outcome: 'denied',
      details: { rule, limit: verdict.limit, windowSeconds: verdict.windowSeconds },
    });
  }
  return verdict;
}

const WHAT: Record<'message' | 'intake' | 'hold' | 'upload', (wait: string) => string> = {
  message: (wait) => `You have sent a lot of messages in a short time. Please wait ${wait} and send it again; your text is still here.`,
  intake: (wait) => `You have sent a lot of intakes in a short time. Your answers are saved; please wait ${wait} and send them again.`,
  upload: (wait) => `You have uploaded a lot of files in a short time. Please wait ${wait} and try again, or type the report in instead.`,
  hold: (wait) => `You have tried to hold a lot of times in a short time. Nothing was booked or charged; please wait ${wait} and try again.`,
};

/** The plain message a person sees when `rule` refused them. */
export function rateLimitMessage(rule: keyof typeof WHAT, retryAfterSeconds: number): string {
  return WHAT[rule](waitPhrase(retryAfterSeconds));
}

/** Route handlers: a 429 with Retry-After once the signed-in user is over the rule's limit, else null. */
export async function rateLimitedResponse(rule: keyof typeof WHAT, user: ActorRef & { id: string }): Promise<NextResponse | null> {
  const verdict = await enforceRateLimit(rule, user.id, user);
  return verdict.ok ? null : tooManyRequests(verdict.retryAfterSeconds, rateLimitMessage(rule, verdict.retryAfterSeconds));
}
