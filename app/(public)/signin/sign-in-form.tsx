'use client';
import { useActionState, useEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { Alert } from '@/components/ui/badge';
import { requestMagicLink, type SignInState } from './actions';

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(requestMagicLink, null);
  const emailRef = useRef<HTMLInputElement>(null);
  const emailError = state?.fieldErrors.email?.[0];

  useEffect(() => {
    if (emailError) emailRef.current?.focus();
  }, [emailError, state]);

  return (
    <form action={action} noValidate className="space-y-4">
      {state?.formError && (
        <Alert tone="danger" role="alert">
          {state.formError}
        </Alert>
      )}
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <Field label="Email address" error={emailError} hint="We'll email you a link that signs you in. No password needed.">
        {(p) => (
          <Input
            {...p}
            ref={emailRef}
            name="email"
            type="email"
            autoComplete="email"
            inputMode="email"
            defaultValue={state?.email ?? ''}
            required
          />
        )}
      </Field>
      <Button type="submit" busy={pending} className="w-full">
        {pending ? 'Sending your link…' : 'Email me a sign-in link'}
      </Button>
    </form>
  );
}
