'use client';

import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { describeMediaError, levelOf, stopStream, type MediaProblem } from '@/lib/video/media';

interface Devices {
  cameras: MediaDeviceInfo[];
  microphones: MediaDeviceInfo[];
}

/**
 * The camera and microphone stream of the pre-join check, re-acquired when a device is chosen. The stream is
 * stopped on unmount unless `handOver` gave it to the call (the call keeps the tracks checked here).
 */
export function usePreviewMedia() {
  const streamRef = useRef<MediaStream | null>(null);
  const handedOver = useRef(false);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [problem, setProblem] = useState<MediaProblem | null>(null);
  const [starting, setStarting] = useState(true);
  const [devices, setDevices] = useState<Devices>({ cameras: [], microphones: [] });
  const [cameraId, setCameraId] = useState('');
  const [micId, setMicId] = useState('');

  const acquire = useCallback(async (camera: string, mic: string) => {
    setStarting(true);
    setProblem(null);
    stopStream(streamRef.current);
    streamRef.current = null;
    setStream(null);
    try {
      if (!navigator.mediaDevices?.getUserMedia) throw new DOMException('no mediaDevices', 'NotSupportedError');
      const s = await navigator.mediaDevices.getUserMedia({
        video: camera ? { deviceId: { exact: camera } } : true,
        audio: mic ? { deviceId: { exact: mic } } : true,
      });
      streamRef.current = s;
      setStream(s);
      // Labels are only readable once permission is granted.
      const all = await navigator.mediaDevices.enumerateDevices();
      setDevices({ cameras: all.filter((d) => d.kind === 'videoinput'), microphones: all.filter((d) => d.kind === 'audioinput') });
      setCameraId(s.getVideoTracks()[0]?.getSettings().deviceId ?? camera);
      setMicId(s.getAudioTracks()[0]?.getSettings().deviceId ?? mic);
    } catch (err) {
      setProblem(describeMediaError(err));
    } finally {
      setStarting(false);
    }
  }, []);

  useEffect(() => {
    // Deferred so the first render (with the "Starting…" state) is committed before the permission prompt.
    const t = setTimeout(() => void acquire('', ''), 0);
    return () => {
      clearTimeout(t);
      if (!handedOver.current) stopStream(streamRef.current);
    };
  }, [acquire]);

  const handOver = (): MediaStream | null => {
    if (!streamRef.current) return null;
    handedOver.current = true;
    return streamRef.current;
  };

  return { stream, problem, starting, devices, cameraId, micId, acquire, handOver };
}

/** Shows the stream in the preview and drives the level meter from its microphone, once per animation frame. */
export function usePreviewOutput(stream: MediaStream | null, videoRef: RefObject<HTMLVideoElement | null>, meterRef: RefObject<HTMLMeterElement | null>) {
  useEffect(() => {
    if (videoRef.current) videoRef.current.srcObject = stream;
    const track = stream?.getAudioTracks()[0];
    if (!stream || !track) return;
    const ctx = new AudioContext();
    const analyser = ctx.createAnalyser();
    analyser.fftSize = 512;
    ctx.createMediaStreamSource(new MediaStream([track])).connect(analyser);
    const buf = new Uint8Array(new ArrayBuffer(analyser.fftSize));
    let frame = 0;
    const tick = () => {
      if (meterRef.current) meterRef.current.value = levelOf(analyser, buf);
      frame = requestAnimationFrame(tick);
    };
    void ctx.resume().catch(() => undefined);
    tick();
    return () => {
      cancelAnimationFrame(frame);
      void ctx.close();
    };
  }, [stream, videoRef, meterRef]);
}
