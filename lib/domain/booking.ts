/**
 * A booking only moves forward: pending_payment → confirmed → completed, or → cancelled / expired.
 * pending_payment IS the hold (its holdExpiresAt): the same row, so the slot's exclusion constraint covers holds too.
 */
export type BookingStatus = 'pending_payment' | 'confirmed' | 'completed' | 'cancelled' | 'expired';
