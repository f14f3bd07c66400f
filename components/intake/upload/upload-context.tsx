'use client';

import { createContext, useContext } from 'react';
import type { IntakeUpload } from './use-intake-upload';

/** The wizard's upload (use-intake-upload), handed to the imaging step without threading it through every step. */
export const UploadContext = createContext<IntakeUpload | null>(null);

export function useUpload(): IntakeUpload | null {
  return useContext(UploadContext);
}
