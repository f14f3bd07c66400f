import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConsultCall, type CallState } from './consult-call';
import type { SignalMessage } from './signal-schema';

/**
 * The call's signalling and reconnect logic against a stand-in RTCPeerConnection and a stand-in signalling API
 * (the real browser path is covered by e2e/video.spec.ts; this covers what a browser test cannot provoke: ICE drops).
 */
class FakePeerConnection {
  static all: FakePeerConnection[] = [];
  connectionState: RTCPeerConnectionState = 'new';
  signalingState: RTCSignalingState = 'stable';
  localDescription: { type: RTCSdpType; sdp: string } | null = null;
  remote: RTCSessionDescriptionInit[] = [];
  candidates: RTCIceCandidateInit[] = [];
  restarts = 0;
  closed = false;
  onnegotiationneeded: (() => void) | null = null;
  onicecandidate: ((e: { candidate: null }) => void) | null = null;
  ontrack: ((e: unknown) => void) | null = null;
  onconnectionstatechange: (() => void) | null = null;
  constructor(public config: RTCConfiguration) {
    FakePeerConnection.all.push(this);
  }
  private negotiationQueued = false;
  addTrack() {
    // Like browsers: tracks added in one task cause one negotiationneeded.
    if (this.negotiationQueued) return;
    this.negotiationQueued = true;
    queueMicrotask(() => {
      this.negotiationQueued = false;
      this.onnegotiationneeded?.();
    });
  }
  async setLocalDescription() {
    const type: RTCSdpType = this.signalingState === 'have-remote-offer' ? 'answer' : 'offer';
    this.localDescription = { type, sdp: `fake-${type}` };
    this.signalingState = type === 'offer' ? 'have-local-offer' : 'stable';
  }
  async setRemoteDescription(d: RTCSessionDescriptionInit) {
    this.remote.push(d);
    this.signalingState = d.type === 'offer' ? 'have-remote-offer' : 'stable';
  }
  async addIceCandidate(c: RTCIceCandidateInit) {
    this.candidates.push(c);
  }
  restartIce() {
    this.restarts++;
  }
  close() {
    this.closed = true;
  }
  setState(s: RTCPeerConnectionState) {
    this.connectionState = s;
    this.onconnectionstatechange?.();
  }
}

const ME_PEER = 'peer-session-0001';
let inbox: SignalMessage[];
let posted: { kind: string; payload: Record<string, unknown> }[];
let nextId: number;

function deliver(kind: SignalMessage['kind'], payload: Record<string, unknown>) {
  inbox.push({ id: nextId++, kind, payload: payload as SignalMessage['payload'], createdAt: new Date().toISOString() });
}

beforeEach(() => {
  FakePeerConnection.all = [];
  inbox = [];
  posted = [];
  nextId = 10;
  vi.stubGlobal('RTCPeerConnection', FakePeerConnection);
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    if (init?.method === 'POST') {
      posted.push(JSON.parse(String(init.body)) as (typeof posted)[number]);
      return new Response('{"id":1}', { status: 201 });
    }
    const after = new URL(url, 'http://x').searchParams.get('after');
    if (after === null) return Response.json({ messages: [], cursor: 9 });
    const messages = inbox.filter((m) => m.id > Number(after));
    return Response.json({ messages, cursor: messages.length ? messages[messages.length - 1]!.id : Number(after) });
  });
});
afterEach(() => vi.unstubAllGlobals());

function startCall(polite = true) {
  const states: CallState[] = [];
  const call = new ConsultCall({
    bookingId: 'b1',
    polite,
    iceServers: [{ urls: 'stun:stun.example.test' }],
    localStream: { getTracks: () => [{ kind: 'audio' }, { kind: 'video' }] } as unknown as MediaStream,
    onState: (s) => states.push(s),
    onRemoteStream: () => undefined,
    pollMs: 5,
  });
  return { call, states, last: () => states[states.length - 1] };
}

describe('ConsultCall', () => {
  it('announces itself, meets the peer on its hello, and offers to that session only', async () => {
    const { call, last } = startCall();
    await call.start();
    expect(posted[0]).toMatchObject({ kind: 'hello' });
    const mySession = posted[0]!.payload.session as string;
    expect(last()).toBe('waiting');

    deliver('hello', { session: ME_PEER });
    await vi.waitFor(() => expect(FakePeerConnection.all).toHaveLength(1));
    expect(FakePeerConnection.all[0]!.config.iceServers).toEqual([{ urls: 'stun:stun.example.test' }]);
    await vi.waitFor(() => expect(posted.map((p) => p.kind)).toEqual(['hello', 'hello', 'offer']));
    expect(posted[1]!.payload).toEqual({ session: mySession, reply: true });
    expect(posted[2]!.payload).toMatchObject({ session: mySession, to: ME_PEER, sdp: 'fake-offer' });
    expect(last()).toBe('connecting');
    call.stop();
  });

  it('ignores descriptions and candidates meant for another page, applies its own, answers offers', async () => {
    const { call } = startCall(true);
    await call.start();
    const mySession = posted[0]!.payload.session as string;
    deliver('hello', { session: ME_PEER, reply: true });
    await vi.waitFor(() => expect(posted.some((p) => p.kind === 'offer')).toBe(true));
    const pc = FakePeerConnection.all[0]!;

    deliver('ice', { session: ME_PEER, to: 'an-old-session-of-mine', candidate: { candidate: 'stale' } });
    deliver('ice', { session: 'someone-elses-old', to: mySession, candidate: { candidate: 'stale2' } });
    // Glare: the impolite clinician's offer arrives while ours is out; the polite patient rolls back and answers.
    deliver('offer', { session: ME_PEER, to: mySession, sdp: 'their-offer' });
    deliver('ice', { session: ME_PEER, to: mySession, candidate: { candidate: 'fresh', sdpMid: '0', sdpMLineIndex: 0 } });
    await vi.waitFor(() => expect(pc.candidates.map((c) => c.candidate)).toEqual(['fresh']));
    expect(pc.remote).toEqual([{ type: 'offer', sdp: 'their-offer' }]);
    await vi.waitFor(() => expect(posted.some((p) => p.kind === 'answer' && p.payload.to === ME_PEER)).toBe(true));
    call.stop();
  });

  it('the impolite side ignores a colliding offer', async () => {
    const { call } = startCall(false);
    await call.start();
    const mySession = posted[0]!.payload.session as string;
    deliver('hello', { session: ME_PEER, reply: true });
    await vi.waitFor(() => expect(posted.some((p) => p.kind === 'offer')).toBe(true));
    deliver('offer', { session: ME_PEER, to: mySession, sdp: 'their-offer' });
    // Handled in order: once the candidate after it is in, the offer has been dealt with (and ignored).
    deliver('ice', { session: ME_PEER, to: mySession, candidate: { candidate: 'after-offer' } });
    await vi.waitFor(() => expect(FakePeerConnection.all[0]!.candidates).toHaveLength(1));
    expect(FakePeerConnection.all[0]!.remote).toEqual([]);
    expect(posted.some((p) => p.kind === 'answer')).toBe(false);
    call.stop();
  });

  it('shows Reconnecting… and restarts ICE when the connection drops, and Connected when it heals', async () => {
    const { call, last } = startCall();
    await call.start();
    deliver('hello', { session: ME_PEER, reply: true });
    await vi.waitFor(() => expect(FakePeerConnection.all).toHaveLength(1));
    const pc = FakePeerConnection.all[0]!;
    pc.setState('connecting');
    expect(last()).toBe('connecting');
    pc.setState('connected');
    expect(last()).toBe('connected');

    pc.setState('failed');
    expect(last()).toBe('reconnecting');
    expect(pc.restarts).toBe(1);
    pc.setState('connected');
    expect(last()).toBe('connected');

    // "disconnected" gets a short grace period before the restart.
    pc.setState('disconnected');
    expect(last()).toBe('reconnecting');
    expect(pc.restarts).toBe(1);
    await vi.waitFor(() => expect(pc.restarts).toBe(2), { timeout: 5_000 });
    pc.setState('connecting');
    expect(last()).toBe('reconnecting');
    pc.setState('connected');
    expect(last()).toBe('connected');
    call.stop();
  });

  it('goes back to waiting when the peer says bye, and says bye itself when leaving', async () => {
    const { call, last } = startCall();
    await call.start();
    deliver('hello', { session: ME_PEER, reply: true });
    await vi.waitFor(() => expect(FakePeerConnection.all).toHaveLength(1));
    deliver('bye', { session: ME_PEER });
    await vi.waitFor(() => expect(last()).toBe('waiting'));
    expect(FakePeerConnection.all[0]!.closed).toBe(true);
    call.stop();
    await vi.waitFor(() => expect(posted[posted.length - 1]!.kind).toBe('bye'));
    expect(last()).toBe('closed');
  });
});
