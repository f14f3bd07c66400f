'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Field, Select } from '@/components/ui/field';
import { describeMediaError, levelOf, stopStream, type MediaProblem } from '@/lib/video/media';

interface Devices {
  cameras: MediaDeviceInfo[];
  microphones: MediaDeviceInfo[];
}

/**
 * Camera preview, microphone level and device choice before joining. Hands the live stream to `onJoin`
 * (the call keeps using the same tracks, so the devices checked here are the devices used).
 */
export function PreJoin({ otherName, onJoin }: { otherName: string; onJoin: (stream: MediaStream) => void }) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const meterRef = useRef<HTMLMeterElement>(null);
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
  }, [stream]);

  const join = () => {
    if (!streamRef.current) return;
    handedOver.current = true;
    onJoin(streamRef.current);
  };

  return (
    <section aria-labelledby="prejoin-heading" className="space-y-4">
      <h2 id="prejoin-heading" className="text-lg font-semibold">
        Check your camera and microphone
      </h2>
      <div className="grid gap-4 md:grid-cols-[3fr_2fr]">
        <div className="relative aspect-video w-full overflow-hidden rounded-xl bg-slate-900">
          <video ref={videoRef} autoPlay playsInline muted aria-label="Your camera preview" className="h-full w-full -scale-x-100 object-cover" />
          {!stream && (
            <p className="absolute inset-0 flex items-center justify-center p-4 text-center text-sm text-white">
              {starting ? 'Starting your camera…' : 'No camera picture'}
            </p>
          )}
        </div>
        <div className="space-y-4">
          {problem && (
            <Alert tone="danger" role="alert" title={problem.title}>
              <p>{problem.fix}</p>
              <Button variant="secondary" size="sm" className="mt-2" onClick={() => void acquire('', '')}>
                Try again
              </Button>
            </Alert>
          )}
          <div className={problem ? 'hidden' : 'space-y-1'}>
            <label htmlFor="mic-level" className="block text-sm font-medium text-ink">
              Microphone level
            </label>
            <meter id="mic-level" ref={meterRef} min={0} max={1} low={0.15} high={0.9} optimum={0.5} value={0} className="h-3 w-full" />
            <p className="text-sm text-muted">Say something: the bar should move.</p>
          </div>
          {devices.cameras.length > 0 && (
            <Field label="Camera">
              {(p) => (
                <Select {...p} value={cameraId} onChange={(e) => void acquire(e.target.value, micId)} disabled={starting}>
                  {devices.cameras.map((d, i) => (
                    <option key={d.deviceId || i} value={d.deviceId}>
                      {d.label || `Camera ${i + 1}`}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          )}
          {devices.microphones.length > 0 && (
            <Field label="Microphone">
              {(p) => (
                <Select {...p} value={micId} onChange={(e) => void acquire(cameraId, e.target.value)} disabled={starting}>
                  {devices.microphones.map((d, i) => (
                    <option key={d.deviceId || i} value={d.deviceId}>
                      {d.label || `Microphone ${i + 1}`}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          )}
          <Button onClick={join} disabled={!stream} className="w-full">
            Join the consult with {otherName}
          </Button>
        </div>
      </div>
    </section>
  );
}
