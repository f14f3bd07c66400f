'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useMemo } from 'react';
import { useForm, type Path, type Resolver, type UseFormReturn } from 'react-hook-form';
import { INTAKE_STEP_FIELDS, stepOfField } from '@/lib/cases/intake-steps';
import { intakeSubmissionSchemaFor, type IntakeSubmission } from '@/lib/validation/intake';
import { emptyIntake, mergeDraft, type FlatError, type IntakeForm } from './form-values';
import type { LocalDraft, ServerDraft } from './use-draft-autosave';
import type { IntakeStep } from '@/lib/domain/intake-step';

type IntakeMethods = UseFormReturn<IntakeForm, unknown, IntakeSubmission>;
type IntakeSchema = ReturnType<typeof intakeSubmissionSchemaFor>;

interface IntakeFormSource {
  prefill: Parameters<typeof emptyIntake>[0];
  serverDraft: ServerDraft | null;
  local: LocalDraft | null;
  guardianUnderAge: number;
  amend?: { caseId: string; submission: unknown };
}

function initialValues(source: IntakeFormSource): IntakeForm {
  const base = emptyIntake(source.prefill);
  const data = source.amend?.submission ?? source.local?.data ?? source.serverDraft?.data;
  const values = data ? mergeDraft(base, data) : base;
  // Editing a submitted case asks for consent again.
  if (source.amend) values.consent = emptyIntake().consent;
  if (!values.patient.timezone) values.patient.timezone = Intl.DateTimeFormat().resolvedOptions().timeZone || '';
  return values;
}

/** The wizard's react-hook-form, checked by the one submission schema the API uses too. */
export function useIntakeForm(source: IntakeFormSource): { methods: IntakeMethods; schema: IntakeSchema } {
  const schema = useMemo(() => intakeSubmissionSchemaFor(source.guardianUnderAge), [source.guardianUnderAge]);
  const methods = useForm<IntakeForm, unknown, IntakeSubmission>({
    // The schema's input types the guardian as unknown (it is checked against the date of birth); the form's type
    // spells the guardian fields out for the inputs.
    resolver: zodResolver(schema) as unknown as Resolver<IntakeForm, unknown, IntakeSubmission>,
    // Errors appear when the patient presses Next (never on blur: a message appearing under a field would move
    // the Next button away from the pointer mid-click). A shown error is re-checked as its field changes.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    defaultValues: initialValues(source),
    shouldFocusError: false,
  });
  return { methods, schema };
}

/** Every change: `onChange` (the autosave), and a field that shows an error is re-checked so the message goes once fixed. */
export function useRecheckOnChange(methods: IntakeMethods, schema: IntakeSchema, onChange: () => void): void {
  const { getValues, setError, clearErrors, getFieldState, subscribe } = methods;
  const recheckField = useCallback(
    (name: string) => {
      if (!getFieldState(name as Path<IntakeForm>).error) return;
      const parsed = schema.safeParse(getValues());
      const issue = parsed.success ? undefined : parsed.error.issues.find((i) => i.path.map(String).join('.') === name);
      if (issue) setError(name as Path<IntakeForm>, { type: 'step', message: issue.message });
      else clearErrors(name as Path<IntakeForm>);
    },
    [getFieldState, getValues, setError, clearErrors, schema],
  );
  useEffect(
    () =>
      subscribe({
        formState: { values: true },
        callback: ({ name }) => {
          onChange();
          if (name) recheckField(name);
        },
      }),
    [subscribe, onChange, recheckField],
  );
}

/**
 * Validates one step against the one schema. The issues are computed here (not read back from react-hook-form's
 * state, which only updates on the next render) and put on the fields with setError.
 */
export function validateStep(methods: IntakeMethods, schema: IntakeSchema, step: IntakeStep): FlatError[] {
  const parsed = schema.safeParse(methods.getValues());
  const seen = new Set<string>();
  const issues: FlatError[] = [];
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const path = issue.path.map(String).join('.');
    if (stepOfField(path) !== step || seen.has(path)) continue;
    seen.add(path);
    issues.push({ path, message: issue.message });
  }
  methods.clearErrors(INTAKE_STEP_FIELDS[step] as Path<IntakeForm>[]);
  for (const i of issues) methods.setError(i.path as Path<IntakeForm>, { type: 'step', message: i.message });
  return issues;
}
