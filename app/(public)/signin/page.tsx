import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { Card } from '@/components/ui/card';
import { Alert } from '@/components/ui/badge';
import { currentUser, homePathFor } from '@/lib/auth/guards';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const user = await currentUser();
  if (user) redirect(homePathFor(user));
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-2xl font-semibold">Sign in</h1>
      <p className="mb-6 text-muted">New here? Enter your email and we&apos;ll set up your account when you click the link.</p>
      {params.reason === 'timeout' && (
        <Alert tone="info" role="status" className="mb-4" title="You were signed out">
          For your privacy we sign you out after a period without activity. Your saved answers are safe.
        </Alert>
      )}
      {params.signedOut && (
        <Alert tone="success" role="status" className="mb-4">
          You have signed out.
        </Alert>
      )}
      <Card>
        <SignInForm callbackUrl={params.callbackUrl} />
      </Card>
    </div>
  );
}
