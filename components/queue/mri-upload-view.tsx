import { Fragment } from 'react';
import { diffWords } from '@/lib/cases/word-diff';
import { intakeFileOriginalPath, intakeFileThumbnailPath } from '@/lib/urls';

export interface MriUploadForView {
  fileId: string;
  /** What our server read from the file (PDF text or OCR). */
  extractedText: string;
  /** What the patient confirmed after checking it, the text the engine triaged. */
  confirmedText: string;
}

const INS = 'rounded-sm bg-emerald-100 px-0.5 text-emerald-950 underline decoration-emerald-700 decoration-2 underline-offset-2';
const DEL = 'rounded-sm bg-red-50 px-0.5 text-red-900 line-through decoration-red-700 decoration-2';

/**
 * The report as the patient uploaded it (page 1 and a link to the file) beside the text they confirmed, with every
 * word they changed from what our server read marked: added words in <ins>, removed ones in <del>, so the clinician
 * can weigh an edit (a corrected OCR slip, or a changed finding) against the original.
 */
export function MriUploadView({ upload }: { upload: MriUploadForView }) {
  const pieces = diffWords(upload.extractedText, upload.confirmedText);
  const edits = pieces.filter((p) => p.kind !== 'same').length;
  return (
    <div className="grid gap-4 md:grid-cols-[minmax(0,11rem)_minmax(0,1fr)]" data-testid="mri-upload-view">
      <figure className="space-y-2">
        <a href={intakeFileOriginalPath(upload.fileId)} target="_blank" rel="noopener" className="block rounded-lg border border-line bg-white p-1 hover:border-brand-600">
          {/* eslint-disable-next-line @next/next/no-img-element -- a private, per-patient image: next/image's optimiser must not fetch or cache it */}
          <img src={intakeFileThumbnailPath(upload.fileId)} alt="First page of the report the patient uploaded" className="mx-auto max-h-56 w-auto object-contain md:max-h-none md:w-full" />
        </a>
        <figcaption className="text-sm">
          <a href={intakeFileOriginalPath(upload.fileId)} target="_blank" rel="noopener" className="font-medium text-brand-800 underline">
            Open the original file<span className="sr-only"> (opens in a new tab)</span>
          </a>
        </figcaption>
      </figure>
      <div className="min-w-0 space-y-2">
        <h3 className="font-semibold">Text read from the file, as the patient confirmed it</h3>
        {edits === 0 ? (
          <p className="text-sm text-muted" data-testid="mri-upload-unchanged">
            The patient confirmed the text as it was read, without changes.
          </p>
        ) : (
          <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm" data-testid="mri-upload-legend">
            <span>Changed by the patient:</span>
            <ins className={INS}>added</ins>
            <del className={DEL}>removed</del>
          </p>
        )}
        {/* From md up a long report scrolls in its box (focusable, so a keyboard scrolls it too); on a phone it runs on. */}
        <div
          role="region"
          aria-label="Confirmed text with the patient's changes"
          tabIndex={0}
          className="whitespace-pre-wrap break-words rounded-lg border border-line bg-canvas p-3 text-sm leading-7 md:max-h-96 md:overflow-y-auto"
          data-testid="mri-upload-diff"
        >
          {pieces.map((p, i) => {
            if (p.kind === 'same') return p.text;
            // The space after a changed word stays outside its mark, so the mark covers the word alone.
            const [, word, space] = /^([\s\S]*?)(\s*)$/.exec(p.text)!;
            const Mark = p.kind === 'added' ? 'ins' : 'del';
            return (
              <Fragment key={i}>
                <Mark className={p.kind === 'added' ? INS : DEL}>
                  <span className="sr-only">[{p.kind === 'added' ? 'added' : 'removed'} by the patient: </span>
                  {word}
                  <span className="sr-only">]</span>
                </Mark>
                {space}
              </Fragment>
            );
          })}
        </div>
        <p className="text-xs text-muted">The highlighted findings below are read from the confirmed text.</p>
      </div>
    </div>
  );
}
