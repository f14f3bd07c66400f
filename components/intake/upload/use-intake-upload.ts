'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { Path, UseFormReturn } from 'react-hook-form';
import type { IntakeSubmission } from '@/lib/validation/intake';
import type { FlatError, IntakeForm } from '../form-values';
import { fetchFileStatus, sendFile, TOO_LARGE_MESSAGE, UPLOAD_MAX_BYTES, type FileStatus } from './send-file';

type UploadPhase =
  | { kind: 'idle' }
  | { kind: 'uploading'; fileName: string; loaded: number; total: number }
  /** `restored`: the draft held this file when the page opened, so the text in the box is the patient's own. */
  | { kind: 'reading'; fileId: string; fileName: string | null; progress: number | null; restored: boolean }
  | { kind: 'done'; fileId: string; fileName: string | null; text: string; method: 'pdf-text' | 'ocr' | null; pages: number | null }
  | { kind: 'refused'; fileName: string | null; message: string };

/** Polling trouble, shown while the last known state stays on screen. */
type PollTrouble = 'connection' | 'signed-out' | null;

/** The paths the wizard's error summary links to (ids from fieldId). */
export const UPLOAD_CONFIRM_PATH = 'imaging.fileConfirmed';
export const UPLOAD_PANEL_PATH = 'imaging.file';

const POLL_FIRST_MS = 1_000;
const POLL_MAX_MS = 5_000;
const POLL_TROUBLE_MAX_MS = 15_000;
const GONE_MESSAGE = 'We can no longer find the file you uploaded. Please upload it again, or paste the text instead.';

type Methods = UseFormReturn<IntakeForm, unknown, IntakeSubmission>;

/**
 * The MRI report upload of the intake wizard: the upload (with its progress), then polling the reading job (~1 s,
 * backing off while nothing moves or the network fails), then the patient's confirmation of the text. It lives in
 * the wizard, not the imaging step, so the reading goes on while the patient answers other steps. The file's id is a
 * form value (`imaging.fileId`), so the draft autosave remembers it and a reload resumes polling.
 */
export function useIntakeUpload({ methods, restored, onChange }: { methods: Methods; restored: { confirmed: boolean; fileName: string | null }; onChange: () => void }) {
  const { getValues, setValue, clearErrors } = methods;
  const initiallyConfirmed = restored.confirmed;
  const [phase, setPhase] = useState<UploadPhase>(() => {
    const fileId = getValues('imaging.fileId');
    return fileId ? { kind: 'reading', fileId, fileName: restored.fileName, progress: null, restored: true } : { kind: 'idle' };
  });
  /** The uploaded file's name, kept with the draft so a reload still names it. */
  const fileNameRef = useRef(restored.fileName);
  const [confirmed, setConfirmedState] = useState(initiallyConfirmed);
  const confirmedRef = useRef(initiallyConfirmed);
  /** The text read from the file, waiting because the box already held other text when the reading finished. */
  const [textWaiting, setTextWaiting] = useState(false);
  const [trouble, setTrouble] = useState<PollTrouble>(null);
  const uploadAbort = useRef<AbortController | null>(null);

  const setFileId = useCallback(
    (id: string | undefined) => setValue('imaging.fileId', id, { shouldDirty: true }),
    [setValue],
  );
  const setConfirmed = useCallback(
    (value: boolean) => {
      confirmedRef.current = value;
      setConfirmedState(value);
      if (value) clearErrors(UPLOAD_CONFIRM_PATH as Path<IntakeForm>);
      onChange();
    },
    [clearErrors, onChange],
  );

  const finish = useCallback(
    (fileId: string, status: Exclude<FileStatus, { kind: 'reading' } | { kind: 'signed-out' }>, restored: boolean, fileName: string | null) => {
      if (status.kind === 'done') {
        setPhase({ kind: 'done', fileId, fileName, text: status.text, method: status.method, pages: status.pages });
        const current = getValues('imaging.mriReport') ?? '';
        if (!current.trim()) setValue('imaging.mriReport', status.text, { shouldDirty: true });
        else if (!restored && current !== status.text) setTextWaiting(true);
        return;
      }
      setFileId(undefined);
      setPhase({ kind: 'refused', fileName, message: status.kind === 'gone' ? GONE_MESSAGE : status.message });
    },
    [getValues, setFileId, setValue],
  );

  const readingId = phase.kind === 'reading' ? phase.fileId : null;
  const readingRestored = phase.kind === 'reading' && phase.restored;
  const readingName = phase.kind === 'reading' ? phase.fileName : null;
  useEffect(() => {
    if (!readingId) return;
    const ctrl = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let delay = POLL_FIRST_MS;
    let last: number | null = null;
    // A restored file found still reading finishes in front of the patient: treated like a fresh upload.
    let sawReading = false;
    const tick = async () => {
      try {
        const status = await fetchFileStatus(readingId, ctrl.signal);
        if (ctrl.signal.aborted) return;
        if (status.kind === 'signed-out') return setTrouble('signed-out');
        setTrouble(null);
        if (status.kind !== 'reading') return finish(readingId, status, readingRestored && !sawReading, readingName);
        sawReading = true;
        // Quick while the reading moves; slower while it seems stuck, so a long OCR does not hammer the server.
        delay = status.progress !== last ? POLL_FIRST_MS : Math.min(delay * 1.5, POLL_MAX_MS);
        last = status.progress;
        setPhase((p) => (p.kind === 'reading' && p.fileId === readingId ? { ...p, progress: status.progress } : p));
      } catch {
        if (ctrl.signal.aborted) return;
        setTrouble('connection');
        delay = Math.min(delay * 2, POLL_TROUBLE_MAX_MS);
      }
      timer = setTimeout(() => void tick(), delay);
    };
    timer = setTimeout(() => void tick(), readingRestored ? 0 : POLL_FIRST_MS);
    return () => {
      ctrl.abort();
      clearTimeout(timer);
    };
  }, [readingId, readingRestored, readingName, finish]);

  const reset = useCallback(() => {
    uploadAbort.current?.abort();
    uploadAbort.current = null;
    setTextWaiting(false);
    setTrouble(null);
    confirmedRef.current = false;
    setConfirmedState(false);
    if (getValues('imaging.fileId')) setFileId(undefined);
  }, [getValues, setFileId]);

  /** Uploads `file` in place of any earlier one; what the patient typed in the box stays. */
  const start = useCallback(
    async (file: File) => {
      reset();
      fileNameRef.current = file.name;
      if (file.size > UPLOAD_MAX_BYTES) return setPhase({ kind: 'refused', fileName: file.name, message: TOO_LARGE_MESSAGE });
      if (file.size === 0) return setPhase({ kind: 'refused', fileName: file.name, message: 'This file is empty. Please choose the file of your report again.' });
      const ctrl = new AbortController();
      uploadAbort.current = ctrl;
      setPhase({ kind: 'uploading', fileName: file.name, loaded: 0, total: file.size });
      const result = await sendFile(
        file,
        (loaded, total) => setPhase((p) => (p.kind === 'uploading' && uploadAbort.current === ctrl ? { ...p, loaded, total } : p)),
        ctrl.signal,
      );
      if (ctrl.signal.aborted) return;
      uploadAbort.current = null;
      if (!result.ok) return setPhase({ kind: 'refused', fileName: file.name, message: result.message });
      setFileId(result.id);
      setPhase({ kind: 'reading', fileId: result.id, fileName: file.name, progress: 0, restored: false });
    },
    [reset, setFileId],
  );

  /** Takes the file away (the text in the box stays: the patient may have corrected it). */
  const remove = useCallback(() => {
    reset();
    setPhase({ kind: 'idle' });
  }, [reset]);

  /** Puts the text read from the file in the box, in place of what the patient had typed there. */
  const takeReadText = useCallback(() => {
    if (phase.kind !== 'done') return;
    setValue('imaging.mriReport', phase.text, { shouldDirty: true });
    setTextWaiting(false);
  }, [phase, setValue]);

  /**
   * What stops the patient: moving on from the imaging step (`next`) needs read text confirmed; sending (`submit`)
   * also needs the reading finished. Reading never blocks the other steps.
   */
  const issues = useCallback(
    (when: 'next' | 'submit'): FlatError[] => {
      if (phase.kind === 'done' && !confirmedRef.current) {
        return [{ path: UPLOAD_CONFIRM_PATH, message: 'Please check the text against your report and tick the box to confirm it, or remove the file.' }];
      }
      if (when === 'submit' && (phase.kind === 'reading' || phase.kind === 'uploading')) {
        return [{ path: UPLOAD_PANEL_PATH, message: 'We are still reading your report. Wait until it is done and check the text, or remove the file to send without it.' }];
      }
      return [];
    },
    [phase.kind],
  );

  /** What the draft keeps beside `imaging` (read outside a render): the confirmation and the file's name. */
  const draftNote = useCallback(() => ({ fileConfirmed: confirmedRef.current, fileName: fileNameRef.current }), []);

  return { phase, confirmed, setConfirmed, textWaiting, dismissReadText: () => setTextWaiting(false), trouble, start, remove, takeReadText, issues, draftNote };
}

export type IntakeUpload = ReturnType<typeof useIntakeUpload>;
