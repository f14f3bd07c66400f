import { appUrl } from '@/lib/env';

/**
 * A state-changing request as the app's own pages send it: JSON, from the app's origin (lib/http.ts refuses
 * anything else). `body` strings go as they are, so tests can still send broken JSON.
 */
export function sameOriginJson(url: string, method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', body: unknown = {}, headers: Record<string, string> = {}): Request {
  return new Request(url, {
    method,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'application/json', origin: new URL(appUrl()).origin, ...headers },
  });
}
