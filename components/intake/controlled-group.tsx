'use client';

import type { ReactNode } from 'react';
import { Controller, useFormContext, type ControllerRenderProps, type FieldValues, type Path } from 'react-hook-form';
import { FieldGroup } from '@/components/ui/field';
import { errorAt, type IntakeForm } from './form-values';

/**
 * A question answered with a group of controls (radios, chips, the pain scale) under a legend, wired to
 * react-hook-form by a Controller. `children` renders the controls from the field and the error shown. The intake's
 * form by default; another form (the check-in's safety questions) names its own values type.
 */
export function ControlledGroup<F extends FieldValues = IntakeForm, P extends Path<F> = Path<F>>({
  path,
  legend,
  hint,
  optional,
  children,
}: {
  path: P;
  legend: ReactNode;
  hint?: ReactNode;
  optional?: boolean;
  children: (field: ControllerRenderProps<F, P>, error: string | undefined) => ReactNode;
}) {
  const { control, formState } = useFormContext<F>();
  const error = errorAt(formState.errors, path);
  return (
    <Controller
      control={control}
      name={path}
      render={({ field }) => (
        <FieldGroup size="base" path={path} legend={legend} hint={hint} optional={optional} error={error}>
          {children(field, error)}
        </FieldGroup>
      )}
    />
  );
}
