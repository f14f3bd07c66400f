/**
 * The words of the check-in form (issue #15), defined once for the form and the read-only answers. Pure.
 */
import type { TrainingStatus } from './outcomes';

/**
 * Global rating of change, −7…+7, in the plain words of the 15-point scale (Jaeschke, Singer & Guyatt 1989,
 * Control Clin Trials 10:407), better first as the patient reads down the list.
 */
export const GLOBAL_CHANGE_LABELS: Record<number, string> = {
  7: 'A very great deal better',
  6: 'A great deal better',
  5: 'A good deal better',
  4: 'Moderately better',
  3: 'Somewhat better',
  2: 'A little better',
  1: 'Almost the same, hardly any better at all',
  0: 'About the same',
  [-1]: 'Almost the same, hardly any worse at all',
  [-2]: 'A little worse',
  [-3]: 'Somewhat worse',
  [-4]: 'Moderately worse',
  [-5]: 'A good deal worse',
  [-6]: 'A great deal worse',
  [-7]: 'A very great deal worse',
};

/** +7 down to −7. */
export const GLOBAL_CHANGE_VALUES: readonly number[] = Array.from({ length: 15 }, (_, i) => 7 - i);

export const TRAINING_STATUS_LABELS: Record<TrainingStatus, { label: string; hint: string }> = {
  none: { label: 'Not training', hint: 'I have stopped training for now.' },
  modified: { label: 'Training with changes', hint: 'Lighter, fewer lifts, or some movements left out.' },
  full: { label: 'Training fully', hint: 'My usual training, without changes.' },
};

/** "+3", "0", "−2" (a real minus sign). */
export function signedChange(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0';
}
