import { z } from 'zod';

/**
 * Signalling messages a participant may post (shared by the route and the browser client). Every message names the
 * sender's join session; offers, answers and candidates also name the session they are meant for, so a client that
 * reloads ignores what was addressed to its previous page.
 */
const session = z.string().min(8).max(64).regex(/^[A-Za-z0-9-]+$/);

const description = z.object({ session, to: session, sdp: z.string().min(1).max(60_000) });

export const signalBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('hello'), payload: z.object({ session, reply: z.boolean().optional() }) }),
  z.object({ kind: z.literal('bye'), payload: z.object({ session }) }),
  z.object({ kind: z.literal('offer'), payload: description }),
  z.object({ kind: z.literal('answer'), payload: description }),
  z.object({
    kind: z.literal('ice'),
    payload: z.object({
      session,
      to: session,
      candidate: z.object({
        candidate: z.string().max(2_000),
        sdpMid: z.string().max(64).nullable().optional(),
        sdpMLineIndex: z.number().int().min(0).max(64).nullable().optional(),
        usernameFragment: z.string().max(256).nullable().optional(),
      }),
    }),
  }),
]);

export type SignalBody = z.infer<typeof signalBody>;
type SignalKind = SignalBody['kind'];

/** Largest accepted POST body: a video+audio SDP is a few kB; this leaves room without inviting abuse. */
export const SIGNAL_MAX_BYTES = 64_000;

/** `?after=<id>`: a non-negative integer; absent = "give me only the current cursor". */
export const signalQuery = z.object({
  after: z
    .string()
    .regex(/^\d{1,15}$/, 'after must be a non-negative integer')
    .transform(Number)
    .optional(),
});

export interface SignalMessage {
  id: number;
  kind: SignalKind;
  payload: SignalBody['payload'];
  createdAt: string;
}

export interface SignalPollResponse {
  messages: SignalMessage[];
  cursor: number;
}
