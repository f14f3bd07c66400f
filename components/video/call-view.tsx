'use client';

import { useEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import type { CallState } from '@/lib/video/consult-call';
import { ToggleButton } from './toggle-button';

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

/** A <video> showing `stream` (srcObject cannot be set as an attribute). */
function useStreamIn(stream: MediaStream | null) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.srcObject = stream;
  }, [stream]);
  return ref;
}

function CallStateBadge({ state, otherName }: { state: CallState; otherName: string }) {
  const tone = state === 'connected' ? 'emerald' : state === 'reconnecting' ? 'amber' : 'sky';
  return (
    <p
      role="status"
      aria-live="polite"
      data-testid="call-state"
      className={cn(
        'inline-flex items-center gap-2 rounded-full border px-3 py-1 text-sm font-medium',
        tone === 'emerald' ? 'border-emerald-300 bg-emerald-50 text-emerald-900' : tone === 'amber' ? 'border-amber-300 bg-amber-50 text-amber-900' : 'border-sky-300 bg-sky-50 text-sky-900',
      )}
    >
      <span aria-hidden className={cn('h-2 w-2 rounded-full', tone === 'emerald' ? 'bg-emerald-600' : tone === 'amber' ? 'bg-amber-600' : 'bg-sky-600')} />
      {stateText(state, otherName)}
    </p>
  );
}

/** On a phone your own video sits small in the corner of theirs, so the controls stay on the first screen. */
function VideoTiles({ local, remote, state, otherName, muted, cameraOff }: { local: MediaStream | null; remote: MediaStream | null; state: CallState; otherName: string; muted: boolean; cameraOff: boolean }) {
  const localVideo = useStreamIn(local);
  const remoteVideo = useStreamIn(remote);
  return (
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
  );
}

interface CallViewProps {
  otherName: string;
  headingRef: React.Ref<HTMLHeadingElement>;
  state: CallState;
  error: string | null;
  local: MediaStream | null;
  remote: MediaStream | null;
  muted: boolean;
  cameraOff: boolean;
  onToggleMic: () => void;
  onToggleCamera: () => void;
  onLeave: () => void;
}

/** The live call: its state, both videos and the controls. */
export function CallView({ headingRef, ...p }: CallViewProps) {
  return (
    <section aria-labelledby="call-heading" className="space-y-4">
      <h2 id="call-heading" ref={headingRef} tabIndex={-1} className="sr-only">
        Video call with {p.otherName}
      </h2>
      <CallStateBadge state={p.state} otherName={p.otherName} />
      {p.error && (
        <p role="alert" className="rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          {p.error}
        </p>
      )}
      <VideoTiles local={p.local} remote={p.remote} state={p.state} otherName={p.otherName} muted={p.muted} cameraOff={p.cameraOff} />
      <div
        role="group"
        aria-label="Call controls"
        className="sticky bottom-0 z-20 -mx-4 grid grid-cols-3 gap-2 border-t border-line bg-white/95 px-4 py-2 text-sm sm:static sm:mx-0 sm:flex sm:flex-wrap sm:border-0 sm:bg-transparent sm:p-0 sm:text-base"
      >
        <ToggleButton pressed={p.muted} onToggle={p.onToggleMic}>
          Mute microphone
        </ToggleButton>
        <ToggleButton pressed={p.cameraOff} onToggle={p.onToggleCamera}>
          Turn camera off
        </ToggleButton>
        <Button variant="danger" onClick={p.onLeave}>
          Leave consult
        </Button>
      </div>
    </section>
  );
}
