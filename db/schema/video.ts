import { sql } from 'drizzle-orm';
import { bigserial, check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';
import { bookings } from './bookings';

export const VIDEO_SIGNAL_KINDS = ['offer', 'answer', 'ice', 'hello', 'bye'] as const;
export type VideoSignalKind = (typeof VIDEO_SIGNAL_KINDS)[number];

/**
 * WebRTC signalling mailbox between the two participants of a booking's video room. Kept in the database (not in a
 * process's memory) so any app instance can serve either participant: each side posts messages addressed to the
 * other and polls for messages addressed to itself after the last id it saw.
 */
export const videoSignals = pgTable(
  'video_signals',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    fromUserId: text('from_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    toUserId: text('to_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<VideoSignalKind>().notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The poll: "messages to me in this room after id N".
    index('video_signals_inbox_idx').on(t.bookingId, t.toUserId, t.id),
    index('video_signals_created_idx').on(t.createdAt),
    check('video_signals_kind_ck', sql`${t.kind} in ('offer','answer','ice','hello','bye')`),
  ],
);
