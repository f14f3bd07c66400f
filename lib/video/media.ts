/** Camera/microphone helpers for the browser (pre-join check and call). */

export interface MediaProblem {
  title: string;
  fix: string;
}

/** getUserMedia errors in words a patient can act on. */
export function describeMediaError(err: unknown): MediaProblem {
  const name = err instanceof DOMException || err instanceof Error ? err.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return {
        title: 'Camera and microphone are blocked',
        fix: 'Allow them for this site: click the camera or lock icon at the left of the address bar, choose "Allow" for camera and microphone (or open Site settings), then press "Try again". On a phone, also check that the browser may use the camera in the phone\'s settings.',
      };
    case 'NotFoundError':
    case 'OverconstrainedError':
      return {
        title: 'No camera or microphone found',
        fix: 'Plug in or switch on a camera and a microphone (or a headset), close other apps that may be using them, then press "Try again".',
      };
    case 'NotReadableError':
    case 'AbortError':
      return {
        title: 'The camera or microphone is busy',
        fix: 'Another app or browser tab may be using it. Close it, then press "Try again".',
      };
    default:
      return {
        title: 'Camera and microphone are not available',
        fix: 'This browser could not start them. Use a recent Chrome, Edge, Firefox or Safari over a secure (https) connection, then press "Try again".',
      };
  }
}

export function stopStream(stream: MediaStream | null | undefined): void {
  for (const t of stream?.getTracks() ?? []) t.stop();
}

/** Root-mean-square level (0..1) of the analyser's current time-domain frame, scaled so speech fills the meter. */
export function levelOf(analyser: AnalyserNode, buf: Uint8Array<ArrayBuffer>): number {
  analyser.getByteTimeDomainData(buf);
  let sum = 0;
  for (const v of buf) {
    const x = (v - 128) / 128;
    sum += x * x;
  }
  return Math.min(1, Math.sqrt(sum / buf.length) * 4);
}
