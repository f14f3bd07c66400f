import 'server-only';
import { createHmac } from 'node:crypto';
import { env } from '@/lib/env';

/** The shape of RTCIceServer the room's browser code receives. */
export interface IceServer {
  urls: string | string[];
  username?: string;
  credential?: string;
}

export interface TurnCredential {
  username: string;
  credential: string;
  expiresAt: Date;
}

/**
 * coturn's TURN REST scheme (`use-auth-secret` + `static-auth-secret`): the username is "<expiry unix time>:<user id>"
 * and the password base64(HMAC-SHA1(secret, username)). coturn recomputes the HMAC and refuses an expired time, so a
 * credential that leaks from one browser works for one person, for a few hours, and never becomes a shared password.
 */
export function mintTurnCredential(secret: string, userId: string, nowMs: number, ttlSeconds: number): TurnCredential {
  if (!userId || userId.includes(':')) throw new Error('A TURN username needs a user id without ":"');
  const expiry = Math.floor(nowMs / 1000) + ttlSeconds;
  const username = `${expiry}:${userId}`;
  const credential = createHmac('sha1', secret).update(username).digest('base64');
  return { username, credential, expiresAt: new Date(expiry * 1000) };
}

/**
 * The ICE servers for one participant of a consult room: the configured STUN servers (ICE_SERVERS holds no
 * credentials), plus the TURN relay with a credential minted for this user when TURN_SECRET and TURN_URLS are set.
 * Call it only after the room check (lib/consults/room-access.ts) has found the user to be a participant.
 */
export function iceServersForParticipant(userId: string, nowMs: number): IceServer[] {
  const e = env();
  const servers: IceServer[] = e.ICE_SERVERS.map((s) => ({ urls: s.urls }));
  if (e.TURN_SECRET && e.TURN_URLS.length) {
    const { username, credential } = mintTurnCredential(e.TURN_SECRET, userId, nowMs, e.TURN_TTL_SECONDS);
    servers.push({ urls: e.TURN_URLS, username, credential });
  }
  return servers;
}
