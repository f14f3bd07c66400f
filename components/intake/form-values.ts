import { get, type FieldErrors, type FieldValues } from 'react-hook-form';
import type { IntakeSubmissionInput } from '@/lib/validation/intake';
import { RED_FLAG_QUESTIONS } from '@/lib/triage';
import { fieldId } from '@/components/ui/field';

export type IntakeForm = IntakeSubmissionInput;

/** An empty intake with every section present, so the form is controlled from the start (no default answers). */
export function emptyIntake(
  prefill: { name?: string | null; dateOfBirth?: string | null; sex?: string | null; timezone?: string | null; phone?: string | null; mayCall?: boolean | null } = {},
): IntakeForm {
  return {
    patient: {
      name: prefill.name ?? '',
      dateOfBirth: prefill.dateOfBirth ?? '',
      sex: (prefill.sex as IntakeForm['patient']['sex']) ?? undefined,
      timezone: prefill.timezone ?? '',
      phone: prefill.phone ?? '',
      mayCall: prefill.mayCall ?? (undefined as unknown as boolean),
    },
    guardian: { name: '', relationship: '', consent: undefined as unknown as true },
    complaint: {
      summary: '',
      regions: [],
      onsetDate: '',
      onsetType: undefined as unknown as 'unknown',
      mechanism: '',
      painNow: undefined as unknown as number,
      painWorst: undefined as unknown as number,
      aggravating: [],
      easing: '',
      morningStiffness: undefined,
    },
    episodes: [],
    priorCare: [],
    medications: [],
    training: { sport: '', yearsTraining: undefined, typicalRpe: undefined, affectedLifts: [], nextCompetitionDate: '', goals: '' },
    imaging: { mriReport: '', fileId: undefined },
    redFlags: {} as IntakeForm['redFlags'],
    consent: { privacy: undefined as unknown as true, notForEmergencies: undefined as unknown as true },
  };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Lays a (possibly partial, possibly older) draft over the empty form, keeping only known keys. */
export function mergeDraft(base: IntakeForm, draft: unknown): IntakeForm {
  const merge = (b: unknown, d: unknown): unknown => {
    if (d === undefined || d === null) return b;
    if (isPlainObject(b)) {
      if (!isPlainObject(d)) return b;
      const out: Record<string, unknown> = { ...b };
      // redFlags starts empty: take the draft's answers for known codes.
      const keys = Object.keys(b).length === 0 ? RED_FLAG_QUESTIONS.map((q) => q.code) : Object.keys(b);
      for (const k of keys) if (k in d) out[k] = merge(b[k], d[k]);
      return out;
    }
    if (Array.isArray(b)) return Array.isArray(d) ? d : b;
    if (b === undefined) return d;
    return typeof d === typeof b ? d : b;
  };
  return merge(base, draft) as IntakeForm;
}

export interface FlatError {
  path: string;
  message: string;
}

/** Every error message under `roots`, flattened to dotted paths ("episodes.0.startedOn"). */
export function flattenErrors<F extends FieldValues = IntakeForm>(errors: FieldErrors<F>, roots: readonly string[]): FlatError[] {
  const out: FlatError[] = [];
  const walk = (node: unknown, path: string) => {
    if (!isPlainObject(node) && !Array.isArray(node)) return;
    const n = node as Record<string, unknown>;
    if (typeof n.message === 'string' && n.message) {
      out.push({ path: path.replace(/\.root$/, ''), message: n.message });
      return;
    }
    for (const [k, v] of Object.entries(n)) {
      if (k === 'ref' || k === 'type' || k === 'types') continue;
      walk(v, path ? `${path}.${k}` : k);
    }
  };
  for (const root of roots) walk(get(errors, root), root);
  return out;
}

/** Orders errors as the fields appear on the page (the summary reads top to bottom like the form). */
export function sortByDomOrder(list: FlatError[]): FlatError[] {
  if (typeof document === 'undefined') return list;
  const el = (p: string) => document.getElementById(fieldId(p));
  return [...list].sort((a, b) => {
    const ea = el(a.path);
    const eb = el(b.path);
    if (!ea || !eb) return ea ? -1 : eb ? 1 : 0;
    return ea.compareDocumentPosition(eb) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
}

/** Age in whole years from a YYYY-MM-DD string, or null while it is incomplete. */
export function ageFrom(dateOfBirth: string | undefined): number | null {
  if (!dateOfBirth || !/^\d{4}-\d{2}-\d{2}$/.test(dateOfBirth)) return null;
  const [y, m, d] = dateOfBirth.split('-').map(Number);
  const now = new Date();
  let age = now.getFullYear() - y;
  if (now.getMonth() + 1 < m || (now.getMonth() + 1 === m && now.getDate() < d)) age -= 1;
  return age >= 0 && age < 130 ? age : null;
}

/** The error message at a dotted path of react-hook-form's errors, if any. */
export function errorAt<F extends FieldValues = IntakeForm>(errors: FieldErrors<F>, path: string): string | undefined {
  const node = get(errors, path) as { message?: unknown } | undefined;
  return typeof node?.message === 'string' && node.message ? node.message : undefined;
}
