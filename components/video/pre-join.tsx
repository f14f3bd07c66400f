'use client';

import { useRef } from 'react';
import { Alert } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Field, Select } from '@/components/ui/field';
import { usePreviewMedia, usePreviewOutput } from './use-preview-media';

function DeviceSelect({ label, devices, value, onChoose, disabled }: { label: 'Camera' | 'Microphone'; devices: MediaDeviceInfo[]; value: string; onChoose: (deviceId: string) => void; disabled: boolean }) {
  if (devices.length === 0) return null;
  return (
    <Field label={label}>
      {(p) => (
        <Select {...p} value={value} onChange={(e) => onChoose(e.target.value)} disabled={disabled}>
          {devices.map((d, i) => (
            <option key={d.deviceId || i} value={d.deviceId}>
              {d.label || `${label} ${i + 1}`}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}

/**
 * Camera preview, microphone level and device choice before joining. Hands the live stream to `onJoin`
 * (the call keeps using the same tracks, so the devices checked here are the devices used).
 */
export function PreJoin({ otherName, onJoin }: { otherName: string; onJoin: (stream: MediaStream) => void }) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const meterRef = useRef<HTMLMeterElement>(null);
  const { stream, problem, starting, devices, cameraId, micId, acquire, handOver } = usePreviewMedia();
  usePreviewOutput(stream, videoRef, meterRef);

  const join = () => {
    const s = handOver();
    if (s) onJoin(s);
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
          <DeviceSelect label="Camera" devices={devices.cameras} value={cameraId} onChoose={(id) => void acquire(id, micId)} disabled={starting} />
          <DeviceSelect label="Microphone" devices={devices.microphones} value={micId} onChoose={(id) => void acquire(cameraId, id)} disabled={starting} />
          <Button onClick={join} disabled={!stream} className="w-full">
            Join the consult with {otherName}
          </Button>
        </div>
      </div>
    </section>
  );
}
