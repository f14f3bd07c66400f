/**
 * Browser side of a 1:1 consult call: one RTCPeerConnection, signalled through the room's PostgreSQL mailbox
 * (POST /api/consult/:id/signal, polled with GET ?after=<cursor>), using the "perfect negotiation" pattern so both
 * sides may (re)negotiate at any time without glare. The clinician is the impolite peer, the patient the polite one.
 *
 * Sessions: every page load that joins gets a random session id. "hello" announces it; a peer that sees a new
 * session rebuilds its connection and answers with a hello of its own (reply: true), so reloads and late joins meet.
 * Offers, answers and candidates name the session they are for; anything meant for an older page is ignored.
 */
import type { SignalBody, SignalMessage, SignalPollResponse } from './signal-schema';

export type CallState = 'waiting' | 'connecting' | 'connected' | 'reconnecting' | 'closed';

export interface ConsultCallOptions {
  bookingId: string;
  polite: boolean;
  iceServers: RTCIceServer[];
  localStream: MediaStream;
  onState: (state: CallState) => void;
  onRemoteStream: (stream: MediaStream | null) => void;
  /** The room closed (the consult's window ended) while in the call. */
  onRoomClosed?: () => void;
  pollMs?: number;
}

const DISCONNECT_GRACE_MS = 2_500;

export class ConsultCall {
  private readonly session = crypto.randomUUID();
  private readonly url: string;
  private peerSession: string | null = null;
  private pc: RTCPeerConnection | null = null;
  private everConnected = false;
  private cursor = 0;
  private stopped = false;
  private outbox: Promise<unknown> = Promise.resolve();
  private wake: (() => void) | null = null;
  private restartTimer: ReturnType<typeof setTimeout> | null = null;
  // Perfect negotiation bookkeeping.
  private makingOffer = false;
  private ignoreOffer = false;
  private settingRemoteAnswerPending = false;

  constructor(private readonly o: ConsultCallOptions) {
    this.url = `/api/consult/${encodeURIComponent(o.bookingId)}/signal`;
  }

  async start(): Promise<void> {
    const res = await fetch(this.url, { cache: 'no-store' });
    if (res.status === 409) return this.roomClosed();
    if (!res.ok) throw new Error(`Could not open the room (${res.status}).`);
    this.cursor = ((await res.json()) as SignalPollResponse).cursor;
    this.o.onState('waiting');
    this.send({ kind: 'hello', payload: { session: this.session } });
    void this.pollLoop();
  }

  /** Leaves the call: tells the other side (also when the page is closing) and releases the connection. */
  stop(opts: { unloading?: boolean } = {}): void {
    if (this.stopped) return;
    this.stopped = true;
    const bye = JSON.stringify({ kind: 'bye', payload: { session: this.session } } satisfies SignalBody);
    if (opts.unloading && typeof navigator.sendBeacon === 'function') {
      navigator.sendBeacon(this.url, new Blob([bye], { type: 'application/json' }));
    } else {
      void fetch(this.url, { method: 'POST', body: bye, headers: { 'content-type': 'application/json' }, keepalive: true }).catch(() => undefined);
    }
    this.closePeer();
    this.wake?.();
    this.o.onState('closed');
  }

  private roomClosed(): void {
    this.stopped = true;
    this.closePeer();
    this.o.onState('closed');
    this.o.onRoomClosed?.();
  }

  /** Messages go out one at a time, in order (a candidate must not overtake its offer). */
  private send(msg: SignalBody): void {
    this.outbox = this.outbox.then(async () => {
      for (let attempt = 0; attempt < 3 && !this.stopped; attempt++) {
        try {
          const res = await fetch(this.url, { method: 'POST', body: JSON.stringify(msg), headers: { 'content-type': 'application/json' } });
          if (res.status === 409) return this.roomClosed();
          if (res.ok || res.status < 500) return;
        } catch {
          // Network blip: try again shortly.
        }
        await new Promise((r) => setTimeout(r, 500 * (attempt + 1)));
      }
    });
  }

  private async pollLoop(): Promise<void> {
    while (!this.stopped) {
      try {
        const res = await fetch(`${this.url}?after=${this.cursor}`, { cache: 'no-store' });
        if (res.status === 409) return this.roomClosed();
        if (res.ok) {
          const data = (await res.json()) as SignalPollResponse;
          for (const m of data.messages) {
            if (this.stopped) return;
            await this.handle(m).catch((err: unknown) => console.warn('signal handling failed', err));
          }
          this.cursor = data.cursor;
          if (data.messages.length >= 100) continue; // more waiting: fetch again at once
        }
      } catch {
        // Offline for a moment: keep polling; the peer connection reports its own state.
      }
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        setTimeout(resolve, this.o.pollMs ?? 1_000);
      });
    }
  }

  private async handle(m: SignalMessage): Promise<void> {
    const p = m.payload as Record<string, unknown>;
    switch (m.kind) {
      case 'hello': {
        const session = String(p.session);
        if (session !== this.peerSession) {
          this.peerSession = session;
          this.buildPeer();
        }
        if (!p.reply) this.send({ kind: 'hello', payload: { session: this.session, reply: true } });
        return;
      }
      case 'bye':
        if (p.session === this.peerSession) {
          this.peerSession = null;
          this.closePeer();
          this.o.onState('waiting');
        }
        return;
      case 'offer':
      case 'answer':
        if (p.to !== this.session || p.session !== this.peerSession || !this.pc) return;
        return this.onDescription({ type: m.kind, sdp: String(p.sdp) });
      case 'ice':
        if (p.to !== this.session || p.session !== this.peerSession || !this.pc) return;
        try {
          await this.pc.addIceCandidate(p.candidate as RTCIceCandidateInit);
        } catch (err) {
          if (!this.ignoreOffer) throw err;
        }
    }
  }

  private async onDescription(description: RTCSessionDescriptionInit): Promise<void> {
    const pc = this.pc!;
    const readyForOffer = !this.makingOffer && (pc.signalingState === 'stable' || this.settingRemoteAnswerPending);
    const offerCollision = description.type === 'offer' && !readyForOffer;
    this.ignoreOffer = !this.o.polite && offerCollision;
    if (this.ignoreOffer) return;
    this.settingRemoteAnswerPending = description.type === 'answer';
    await pc.setRemoteDescription(description);
    this.settingRemoteAnswerPending = false;
    if (description.type === 'offer') {
      await pc.setLocalDescription();
      this.sendDescription(pc);
    }
  }

  private sendDescription(pc: RTCPeerConnection): void {
    const d = pc.localDescription;
    if (!d || !this.peerSession || (d.type !== 'offer' && d.type !== 'answer')) return;
    this.send({ kind: d.type, payload: { session: this.session, to: this.peerSession, sdp: d.sdp } });
  }

  /** A fresh connection for a (new) peer session, carrying our camera and microphone. */
  private buildPeer(): void {
    this.closePeer();
    this.everConnected = false;
    this.makingOffer = false;
    this.ignoreOffer = false;
    this.settingRemoteAnswerPending = false;
    const pc = new RTCPeerConnection({ iceServers: this.o.iceServers });
    this.pc = pc;
    this.o.onState('connecting');

    pc.onnegotiationneeded = async () => {
      try {
        this.makingOffer = true;
        await pc.setLocalDescription();
        if (this.pc === pc) this.sendDescription(pc);
      } catch (err) {
        console.warn('negotiation failed', err);
      } finally {
        this.makingOffer = false;
      }
    };
    pc.onicecandidate = ({ candidate }) => {
      if (!candidate || !this.peerSession || this.pc !== pc) return;
      const c = candidate.toJSON();
      this.send({
        kind: 'ice',
        payload: { session: this.session, to: this.peerSession, candidate: { candidate: c.candidate ?? '', sdpMid: c.sdpMid ?? null, sdpMLineIndex: c.sdpMLineIndex ?? null, usernameFragment: c.usernameFragment ?? null } },
      });
    };
    pc.ontrack = ({ track, streams }) => {
      const stream = streams[0] ?? new MediaStream([track]);
      this.o.onRemoteStream(stream);
    };
    pc.onconnectionstatechange = () => {
      if (this.pc !== pc) return;
      this.onConnectionState(pc);
    };
    for (const track of this.o.localStream.getTracks()) pc.addTrack(track, this.o.localStream);
  }

  private onConnectionState(pc: RTCPeerConnection): void {
    const s = pc.connectionState;
    if (this.restartTimer && s !== 'disconnected') {
      clearTimeout(this.restartTimer);
      this.restartTimer = null;
    }
    if (s === 'connected') {
      this.everConnected = true;
      this.o.onState('connected');
    } else if (s === 'disconnected' || s === 'failed') {
      this.o.onState('reconnecting');
      if (s === 'failed') pc.restartIce();
      else if (!this.restartTimer) {
        // "disconnected" often heals by itself within a second or two; restart ICE if it does not.
        this.restartTimer = setTimeout(() => {
          this.restartTimer = null;
          if (this.pc === pc && pc.connectionState === 'disconnected') pc.restartIce();
        }, DISCONNECT_GRACE_MS);
      }
    } else if (s === 'new' || s === 'connecting') {
      this.o.onState(this.everConnected ? 'reconnecting' : 'connecting');
    }
  }

  private closePeer(): void {
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    if (this.pc) {
      this.pc.onnegotiationneeded = null;
      this.pc.onicecandidate = null;
      this.pc.ontrack = null;
      this.pc.onconnectionstatechange = null;
      this.pc.close();
      this.pc = null;
    }
    this.o.onRemoteStream(null);
  }
}
