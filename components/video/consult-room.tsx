'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { Button, ButtonLink } from '@/components/ui/button';
import { CallView } from './call-view';
import { PreJoin } from './pre-join';
import { useConsultCall, useLocalMedia, useStayPresent } from './use-consult-call';

export interface ConsultRoomProps {
  bookingId: string;
  /** The clinician is the impolite peer (their offer wins a collision), the patient the polite one. */
  polite: boolean;
  otherName: string;
  iceServers: RTCIceServer[];
  /** The clinician's way to the consult notes once they leave the call (absent for the patient). */
  notesHref?: string;
}

type Phase = 'check' | 'call' | 'left' | 'closed';

/** After Join or Leave the button pressed is gone: keyboard and screen reader focus goes to the new section's heading. */
function useFocusOnPhase(phase: Phase) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moveFocusRef = useRef(false);
  useEffect(() => {
    if (!moveFocusRef.current) return;
    moveFocusRef.current = false;
    headingRef.current?.focus();
  }, [phase]);
  return { headingRef, focusNext: () => (moveFocusRef.current = true) };
}

function LeftRoom({ phase, otherName, notesHref, headingRef, onRejoin, onRefresh }: { phase: 'left' | 'closed'; otherName: string; notesHref?: string; headingRef: React.Ref<HTMLHeadingElement>; onRejoin: () => void; onRefresh: () => void }) {
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
          <Button variant={notesHref ? 'secondary' : 'primary'} onClick={onRejoin}>
            Rejoin
          </Button>
        ) : (
          <Button variant="secondary" onClick={onRefresh}>
            Refresh
          </Button>
        )}
        {notesHref && <ButtonLink href={notesHref}>Write consult notes</ButtonLink>}
      </div>
    </section>
  );
}

/** The room: pre-join check, then the call with its controls, then a "left" state with rejoin. */
export function ConsultRoom({ bookingId, polite, otherName, iceServers, notesHref }: ConsultRoomProps) {
  const router = useRouter();
  const [phase, setPhase] = useState<Phase>('check');
  const media = useLocalMedia();
  const { setLocal } = media;
  const { headingRef, focusNext } = useFocusOnPhase(phase);
  const onRoomClosed = useCallback(() => {
    setLocal(null); // releases the camera and microphone (useLocalMedia's cleanup)
    setPhase('closed');
  }, [setLocal]);
  const call = useConsultCall({ active: phase === 'call', local: media.local, bookingId, polite, iceServers, onRoomClosed });
  useStayPresent(phase === 'call' || phase === 'check');

  const leave = () => {
    media.release();
    call.clearRemote();
    focusNext();
    setPhase('left');
  };
  const join = (stream: MediaStream) => {
    focusNext();
    setLocal(stream);
    setPhase('call');
  };

  if (phase === 'check') return <PreJoin otherName={otherName} onJoin={join} />;
  if (phase === 'left' || phase === 'closed') {
    return <LeftRoom phase={phase} otherName={otherName} notesHref={notesHref} headingRef={headingRef} onRejoin={() => setPhase('check')} onRefresh={() => router.refresh()} />;
  }
  return (
    <CallView
      otherName={otherName}
      headingRef={headingRef}
      state={call.state}
      error={call.error}
      local={media.local}
      remote={call.remote}
      muted={media.muted}
      cameraOff={media.cameraOff}
      onToggleMic={media.toggleMic}
      onToggleCamera={media.toggleCamera}
      onLeave={leave}
    />
  );
}
