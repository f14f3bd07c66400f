'use client';

import { Alert } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { fieldId } from '@/components/ui/field';
import { UploadDropZone } from './upload-drop-zone';
import { UploadProgressBar } from './upload-progress';
import { UPLOAD_PANEL_PATH, type IntakeUpload } from './use-intake-upload';

const fileLabel = (name: string | null) => (name ? `“${name}”` : 'your file');

/** Quarter steps only, so a screen reader is told how it goes without being read every percent. */
const quarter = (fraction: number | null) => (fraction === null ? '' : ` ${Math.floor((fraction * 100) / 25) * 25} %`);

/** What the panel's live region says in each phase (a refusal is an alert of its own). */
function announcement(phase: IntakeUpload['phase']): string {
  switch (phase.kind) {
    case 'uploading':
      return `Uploading${quarter(phase.total > 0 ? phase.loaded / phase.total : null)}`;
    case 'reading':
      return `Reading your report${quarter(phase.progress)}`;
    case 'done':
      return 'Your report has been read. Check the text below against it.';
    default:
      return '';
  }
}

/**
 * "Upload your report": the drop zone, then the upload's progress, then the reading's, or why the file was refused.
 * The box for pasted text below stays usable throughout, and whatever is in it is never touched by a refusal.
 */
export function UploadPanel({ upload, error }: { upload: IntakeUpload; error?: string }) {
  const { phase, trouble } = upload;
  return (
    <section
      id={fieldId(UPLOAD_PANEL_PATH)}
      tabIndex={-1}
      aria-labelledby="mri-upload-heading"
      className="space-y-3 rounded-xl border border-line bg-canvas p-4 focus:outline-none"
      data-testid="mri-upload"
      data-phase={phase.kind}
    >
      <div>
        <h3 id="mri-upload-heading" className="text-lg font-semibold">
          Upload your report
        </h3>
        <p className="text-sm text-muted">
          The PDF from your imaging centre, or a clear photo of each printed page. We read it on our own server and show you the text to check.
        </p>
      </div>

      <p className="sr-only" role="status" aria-live="polite" data-testid="mri-upload-announcement">
        {announcement(phase)}
      </p>

      {phase.kind === 'idle' && <UploadDropZone onFile={(f) => void upload.start(f)} />}

      {phase.kind === 'refused' && (
        <>
          <Alert tone="danger" role="alert" title={`We couldn't use ${fileLabel(phase.fileName)}`}>
            <p data-testid="mri-upload-refusal">{phase.message}</p>
            <p className="mt-1">Anything you typed in the box below is still there.</p>
          </Alert>
          <UploadDropZone onFile={(f) => void upload.start(f)} />
        </>
      )}

      {phase.kind === 'uploading' && (
        <div className="space-y-3">
          <UploadProgressBar testId="mri-upload-progress" label={`Uploading ${fileLabel(phase.fileName)}…`} value={phase.total > 0 ? phase.loaded / phase.total : null} />
          <Button variant="secondary" size="sm" onClick={upload.remove}>
            Cancel
          </Button>
        </div>
      )}

      {error && (phase.kind === 'reading' || phase.kind === 'uploading') && (
        <p className="text-sm font-medium text-red-700">
          <span className="sr-only">Error: </span>
          {error}
        </p>
      )}

      {phase.kind === 'reading' && (
        <div className="space-y-3">
          <UploadProgressBar testId="mri-reading-progress" label="Reading your report…" value={phase.progress} />
          <p className="text-sm">
            A photo or a scanned page can take a minute. <strong>You can go on with the next steps</strong>; come back to this step afterwards to check the
            text we read.
          </p>
          {trouble === 'connection' && (
            <p className="text-sm font-medium text-amber-900" role="status">
              We lost the connection for a moment and are trying again. Your file is safe with us.
            </p>
          )}
          {trouble === 'signed-out' && (
            <p className="text-sm font-medium text-amber-900" role="status">
              You are signed out. Sign in again to see your report once it is read.
            </p>
          )}
          <Button variant="secondary" size="sm" onClick={upload.remove}>
            Remove this file
          </Button>
        </div>
      )}

      {phase.kind === 'done' && (
        <div className="space-y-3">
          <p className="font-medium text-emerald-900" data-testid="mri-upload-done">
            <span aria-hidden>✓ </span>We read {fileLabel(phase.fileName)}
            {phase.pages ? ` (${phase.pages} page${phase.pages === 1 ? '' : 's'})` : ''}.
          </p>
          <p className="text-sm">
            {phase.method === 'ocr'
              ? 'It was read from a picture, and text recognition can misread words and numbers. '
              : 'The text was taken from the PDF. '}
            Please compare the text below with your report, word by word, and correct anything that differs.
          </p>
          {upload.textWaiting && (
            <Alert tone="info" title="The box already held text you typed">
              <p>We kept your text. Do you want the text we read from the file instead?</p>
              <div className="mt-2 flex flex-wrap gap-2">
                <Button size="sm" onClick={upload.takeReadText}>
                  Use the text from the file
                </Button>
                <Button size="sm" variant="secondary" onClick={upload.dismissReadText}>
                  Keep my text
                </Button>
              </div>
            </Alert>
          )}
          <div className="flex flex-wrap items-center gap-2">
            <UploadDropZone compact onFile={(f) => void upload.start(f)} />
            <Button variant="ghost" size="sm" onClick={upload.remove}>
              Remove this file
            </Button>
          </div>
        </div>
      )}
    </section>
  );
}
