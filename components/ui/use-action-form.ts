'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path } from 'react-hook-form';
import type { z } from 'zod';
import type { FieldErrors } from '@/lib/action-result';
import { useInBrowser } from './use-in-browser';

/**
 * A react-hook-form form checked by the same zod schema its server action parses again, with the two lines every
 * such form shows: the form's own error and what was saved. `showFieldErrors` puts a failed action's first message
 * for each field onto the fields this form has. `ready` is false until the page has hydrated: the form keeps its
 * fields disabled until then (see useInBrowser).
 */
export function useActionForm<In extends FieldValues, Out>(schema: z.ZodType<Out, In>, defaultValues: DefaultValues<In>) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm<In, unknown, Out>({ resolver: zodResolver(schema), defaultValues });
  const ready = useInBrowser();
  const showFieldErrors = (fieldErrors: FieldErrors, isField: (key: string) => boolean) => {
    for (const [k, msgs] of Object.entries(fieldErrors)) if (isField(k)) form.setError(k as Path<In>, { message: msgs[0] });
  };
  /** Clears both lines before a new attempt. */
  const startAttempt = () => {
    setFormError(null);
    setSaved(null);
  };
  return { form, ready, router, formError, setFormError, saved, setSaved, showFieldErrors, startAttempt };
}
