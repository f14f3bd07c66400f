/** A client's `x-request-id` is kept only when it is a plain token (≤ 64 of A-Z a-z 0-9 - _); otherwise a new one. */
const REQUEST_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function acceptRequestId(fromClient: string | null): string {
  return fromClient && REQUEST_ID.test(fromClient) ? fromClient : crypto.randomUUID();
}
