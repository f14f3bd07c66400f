/** Errors the booking service raises; routes answer them with `errorResponse` (lib/http). */
export type BookingErrorCode =
  | 'slot_unavailable'
  | 'not_found'
  | 'intake_not_found'
  | 'invalid_slot'
  | 'not_allowed'
  | 'state_changed'
  | 'payment_provider_error'
  | 'too_many_holds'
  | 'no_refund_not_acknowledged'
  | 'payments_not_configured';

const STATUS: Record<BookingErrorCode, number> = {
  slot_unavailable: 409,
  not_found: 404,
  intake_not_found: 404,
  invalid_slot: 409,
  not_allowed: 409,
  state_changed: 409,
  payment_provider_error: 502,
  too_many_holds: 429,
  no_refund_not_acknowledged: 400,
  payments_not_configured: 503,
};

export class BookingError extends Error {
  constructor(
    readonly code: BookingErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BookingError';
  }
  get status(): number {
    return STATUS[this.code];
  }
}

/** SQLSTATE 23P01: the exclusion constraint refused an overlapping booking. drizzle puts it on err or err.cause. */
export function isExclusionViolation(err: unknown): boolean {
  return hasSqlState(err, '23P01');
}

/** Whether PostgreSQL answered `state`, on the driver's error or on the drizzle error wrapping it. */
function hasSqlState(err: unknown, state: string): boolean {
  const e = err as { code?: unknown; cause?: { code?: unknown } } | null;
  return e?.code === state || e?.cause?.code === state;
}

/**
 * SQLSTATE 40P01. Two holds for one slot inserted at the same moment each find the other's uncommitted row when the
 * exclusion constraint checks them, and each waits for the other: PostgreSQL aborts one of the pair as a deadlock
 * (seen in the 50-request race on PostgreSQL). The aborted one is run again, and then meets the committed row (23P01).
 */
export function isDeadlock(err: unknown): boolean {
  return hasSqlState(err, '40P01');
}

export const SLOT_TAKEN_MESSAGE = 'Someone booked this time a moment ago. Please choose another slot — the list below is up to date.';

export const PAYMENTS_NOT_CONFIGURED_MESSAGE =
  'Online payment is not set up on this server yet, so consults cannot be booked here. Nothing was held or charged. Please contact the clinic.';
