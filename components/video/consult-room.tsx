'use client';

import { useEffect, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { ACTIVITY_EVENT } from '@/components/layout/session-timeout';
import { Button, ButtonLink } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { ConsultCall, type CallState } from '@/lib/video/consult-call';
import { stopStream } from '@/lib/video/media';
import { PreJoin } from './pre-join';
import { ToggleButton } from './toggle-button';

export interface ConsultRoomProps {
  bookingId: string;
  /** The clinician is the impolite peer (their offer wins a collision), the patient the polite one. */
  polite: boolean;
  otherName: string;
  iceServers: RTCIceServer[];
  /** The clinician's way to the consult notes once they leave the call (absent for the patient). */
  notesHref?: string;
}

function stateText(state: CallState, otherName: string): string {
  switch (state) {
    case 'waiting':
      return `Waiting for ${otherName} to join…`;
    case 'connecting':
      return 'Connecting…';
    case 'connected':
      return `Connected with ${otherName}`;
    case 'reconnecting':
      return 'Reconnecting…';
    case 'closed':
      return 'You have left the consult.';
  }
}

/** The room: pre-join check, then the call with its controls, then a "left" state with rejoin. */
export function ConsultRoom({ bookingId, polite, otherName, iceServers, notesHref }: ConsultRoomProps) {
  const router = useRouter();
  const [phase, setPhase] = useState<'check' | 'call' | 'left' | 'closed'>('check');
  const [local, setLocal] = useState<MediaStream | null>(null);
  const [remote, setRemote] = useState<MediaStream | null>(null);
  const [state, setState] = useState<CallState>('waiting');
  const [error, setError] = useState<string | null>(null);
  const [muted, setMuted] = useState(false);
  const [cameraOff, setCameraOff] = useState(false);
  const localVideo = useRef<HTMLVideoElement>(null);
  const remoteVideo = useRef<HTMLVideoElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moveFocus = useRef(false);

  // After Join or Leave the button pressed is gone: put keyboard and screen reader focus on the new section.
  useEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    headingRef.current?.focus();
  }, [phase]);

  useEffect(() => {
    if (localVideo.current) localVideo.current.srcObject = local;
  }, [local, phase]);
  useEffect(() => {
    if (remoteVideo.current) remoteVideo.current.srcObject = remote;
  }, [remote, phase]);

  useEffect(() => {
    if (phase !== 'call' || !local) return;
    const call = new ConsultCall({
      bookingId,
      polite,
      iceServers,
      localStream: local,
      onState: setState,
      onRemoteStream: setRemote,
      onRoomClosed: () => {
        setLocal(null); // releases the camera and microphone (see the cleanup below)
        setPhase('closed');
      },
    });
    call.start().catch((err: unknown) => setError(err instanceof Error ? err.message : 'Could not join the room.'));
    const onPageHide = () => call.stop({ unloading: true });
    window.addEventListener('pagehide', onPageHide);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      call.stop();
    };
  }, [phase, local, bookingId, polite, iceServers]);

  // Someone checking their camera or in a live consult is present without touching the keyboard: keep the idle
  // sign-out away.
  useEffect(() => {
    if (phase !== 'call' && phase !== 'check') return;
    const t = setInterval(() => window.dispatchEvent(new Event(ACTIVITY_EVENT)), 30_000);
    return () => clearInterval(t);
  }, [phase]);

  // Release the camera when the component goes away.
  useEffect(() => () => stopStream(local), [local]);

  const toggleMic = () => {
    const next = !muted;
    for (const t of local?.getAudioTracks() ?? []) t.enabled = !next;
    setMuted(next);
  };
  const toggleCamera = () => {
    const next = !cameraOff;
    for (const t of local?.getVideoTracks() ?? []) t.enabled = !next;
    setCameraOff(next);
  };
  const leave = () => {
    stopStream(local);
    setLocal(null);
    setRemote(null);
    setMuted(false);
    setCameraOff(false);
    moveFocus.current = true;
    setPhase('left');
  };

  if (phase === 'check') {
    return (
      <PreJoin
        otherName={otherName}
        onJoin={(s) => {
          moveFocus.current = true;
          setLocal(s);
          setPhase('call');
        }}
      />
    );
  }

  if (phase === 'left' || phase === 'closed') {
    return (
      <section aria-labelledby="left-heading" className="space-y-3 rounded-xl border border-line bg-white p-6">
        <h2 id="left-heading" ref={headingRef} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
          {phase === 'closed' ? 'This consult has ended' : 'You have left the consult'}
        </h2>
        <p className="text-muted">
          {phase === 'closed' ? 'The video room is closed now.' : `You can rejoin while the room is open; ${otherName} stays in the room until they leave.`}
        </p>
        <div className="flex flex-col gap-2 sm:flex-row">
          {phase === 'left' ? (
            <Button variant={notesHref ? 'secondary' : 'primary'} onClick={() => setPhase('check')}>
              Rejoin
            </Button>
          ) : (
            <Button variant="secondary" onClick={() => router.refresh()}>
              Refresh
            </Button>
          )}
          {notesHref && <ButtonLink href={notesHref}>Write consult notes</ButtonLink>}
        </div>
      </section>
    );
  }

  return (
    <section aria-labelledby="call-heading" className="space-y-4">
      <h2 id="call-heading" ref={headingRef} tabIndex={-1} className="sr-only">
        Video call with {otherName}
      </h2>
      <p
        role="status"
        aria-live="polite"
        data-testid="call-state"
        className={cn(
          'inline-flex items-center gap-2 rounded-full border px-3 py-1 text-sm font-medium',
          state === 'connected' ? 'border-emerald-300 bg-emerald-50 text-emerald-900' : state === 'reconnecting' ? 'border-amber-300 bg-amber-50 text-amber-900' : 'border-sky-300 bg-sky-50 text-sky-900',
        )}
      >
        <span aria-hidden className={cn('h-2 w-2 rounded-full', state === 'connected' ? 'bg-emerald-600' : state === 'reconnecting' ? 'bg-amber-600' : 'bg-sky-600')} />
        {stateText(state, otherName)}
      </p>
      {error && (
        <p role="alert" className="rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          {error}
        </p>
      )}
      {/* On a phone your own video sits small in the corner of theirs, so the controls stay on the first screen. */}
      <div className="relative grid gap-3 md:grid-cols-[3fr_1fr]">
        <figure className="relative m-0 aspect-video w-full overflow-hidden rounded-xl bg-slate-900">
          <video ref={remoteVideo} autoPlay playsInline data-testid="remote-video" aria-label={`${otherName}'s video`} className="h-full w-full object-cover" />
          {!remote && (
            <p className="absolute inset-0 flex items-center justify-center p-4 text-center text-sm text-white">
              {state === 'waiting' ? `${otherName} has not joined yet` : 'Connecting…'}
            </p>
          )}
          <figcaption className="absolute bottom-2 left-2 rounded bg-slate-900/80 px-2 py-0.5 text-sm text-white">{otherName}</figcaption>
        </figure>
        <figure className="absolute right-2 top-2 z-10 m-0 aspect-video w-1/3 overflow-hidden rounded-lg bg-slate-900 ring-2 ring-white md:relative md:right-auto md:top-auto md:w-full md:self-start md:rounded-xl md:ring-0">
          <video ref={localVideo} autoPlay playsInline muted aria-label="Your video" className="h-full w-full -scale-x-100 object-cover" />
          {cameraOff && <p className="absolute inset-0 flex items-center justify-center text-sm text-white">Camera off</p>}
          <figcaption className="absolute bottom-1 left-1 rounded bg-slate-900/80 px-1.5 py-0.5 text-xs text-white md:bottom-2 md:left-2 md:px-2 md:text-sm">You{muted ? ' (muted)' : ''}</figcaption>
        </figure>
      </div>
      <div
        role="group"
        aria-label="Call controls"
        className="sticky bottom-0 z-20 -mx-4 grid grid-cols-3 gap-2 border-t border-line bg-white/95 px-4 py-2 text-sm sm:static sm:mx-0 sm:flex sm:flex-wrap sm:border-0 sm:bg-transparent sm:p-0 sm:text-base"
      >
        <ToggleButton pressed={muted} onToggle={toggleMic}>
          Mute microphone
        </ToggleButton>
        <ToggleButton pressed={cameraOff} onToggle={toggleCamera}>
          Turn camera off
        </ToggleButton>
        <Button variant="danger" onClick={leave}>
          Leave consult
        </Button>
      </div>
    </section>
  );
}
