'use client';

import { useEffect, useState } from 'react';
import { ACTIVITY_EVENT } from '@/components/layout/session-timeout';
import { ConsultCall, type CallState } from '@/lib/video/consult-call';
import { stopStream } from '@/lib/video/media';

/** The camera and microphone stream, with mute and camera-off; released when replaced or when the room goes away. */
export function useLocalMedia() {
  const [local, setLocal] = useState<MediaStream | null>(null);
  const [muted, setMuted] = useState(false);
  const [cameraOff, setCameraOff] = useState(false);
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
  const release = () => {
    stopStream(local);
    setLocal(null);
    setMuted(false);
    setCameraOff(false);
  };
  return { local, setLocal, muted, cameraOff, toggleMic, toggleCamera, release };
}

/**
 * The call while `active` with a local stream: signalling, the remote stream and the call's state. `onRoomClosed`
 * when the server closes the room. Leaving the page ends the call at once (pagehide), not at the server's timeout.
 */
// `onRoomClosed` must keep its identity across renders (useCallback), or each render would restart the call.
export function useConsultCall(o: { active: boolean; local: MediaStream | null; bookingId: string; polite: boolean; iceServers: RTCIceServer[]; onRoomClosed: () => void }) {
  const [remote, setRemote] = useState<MediaStream | null>(null);
  const [state, setState] = useState<CallState>('waiting');
  const [error, setError] = useState<string | null>(null);
  const { active, local, bookingId, polite, iceServers, onRoomClosed } = o;
  useEffect(() => {
    if (!active || !local) return;
    const call = new ConsultCall({ bookingId, polite, iceServers, localStream: local, onState: setState, onRemoteStream: setRemote, onRoomClosed });
    call.start().catch((err: unknown) => setError(err instanceof Error ? err.message : 'Could not join the room.'));
    const onPageHide = () => call.stop({ unloading: true });
    window.addEventListener('pagehide', onPageHide);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      call.stop();
    };
  }, [active, local, bookingId, polite, iceServers, onRoomClosed]);
  return { remote, clearRemote: () => setRemote(null), state, error };
}

/**
 * Someone checking their camera or in a live consult is present without touching the keyboard: keep the idle
 * sign-out away.
 */
export function useStayPresent(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => window.dispatchEvent(new Event(ACTIVITY_EVENT)), 30_000);
    return () => clearInterval(t);
  }, [active]);
}
