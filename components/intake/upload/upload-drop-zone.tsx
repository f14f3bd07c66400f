'use client';

import { useId, useState, type DragEvent } from 'react';
import { cn } from '@/components/ui/cn';
import { UPLOAD_ACCEPT } from './send-file';

/**
 * A real file input with a large label as its face: Tab reaches it, Space or Enter opens the file picker, a screen
 * reader announces the label. Dropping a file on the label is an extra for those who drag.
 */
export function UploadDropZone({ onFile, compact = false }: { onFile: (file: File) => void; compact?: boolean }) {
  const id = useId();
  const [over, setOver] = useState(false);
  const onDrop = (e: DragEvent<HTMLLabelElement>) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file) onFile(file);
  };
  return (
    <div>
      <input
        id={id}
        type="file"
        accept={UPLOAD_ACCEPT}
        className="peer sr-only"
        data-testid="mri-file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared so choosing the same file again (after a refusal) still fires a change.
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
      <label
        htmlFor={id}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        className={cn(
          'flex cursor-pointer rounded-xl border-2 border-dashed text-center transition-colors peer-focus-visible:ring-2 peer-focus-visible:ring-brand-600 peer-focus-visible:ring-offset-2',
          compact ? 'items-center justify-center gap-2 px-4 py-2' : 'flex-col items-center gap-1 px-4 py-6',
          over ? 'border-brand-700 bg-brand-50' : 'border-slate-400 bg-white hover:border-brand-600 hover:bg-brand-50',
        )}
      >
        {compact ? (
          <span className="font-medium text-brand-800 underline underline-offset-2">Choose a different file</span>
        ) : (
          <>
            <span aria-hidden className="text-2xl leading-none text-brand-700">⇪</span>
            <span>
              <span className="font-medium text-brand-800 underline underline-offset-2">Choose a file</span>
              <span className="hidden sm:inline"> or drag it here</span>
            </span>
            <span className="text-sm text-muted">PDF, JPEG or PNG · up to 10 MB · up to 5 pages</span>
          </>
        )}
      </label>
    </div>
  );
}
