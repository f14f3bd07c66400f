import type { Metadata } from 'next';
import { Card } from '@/components/ui/card';
import { ButtonLink } from '@/components/ui/button';

export const metadata: Metadata = { title: 'Sign-in problem' };

const MESSAGES: Record<string, string> = {
  Verification: 'This sign-in link has expired or was already used. Ask for a new one — it only takes a moment.',
  Configuration: 'Sign-in is not set up correctly on the server. Please tell the rehab team.',
  AccessDenied: 'This account cannot sign in.',
  Unavailable: 'The service is briefly unavailable, so your link could not be checked. It has not been used: open it again in a minute or two.',
};

export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <h1 className="text-2xl font-semibold">We couldn&apos;t sign you in</h1>
        <p className="mt-2 text-muted">{MESSAGES[error ?? ''] ?? 'Something went wrong while signing you in. Please ask for a new link.'}</p>
        <ButtonLink href="/signin" className="mt-4">
          Get a new link
        </ButtonLink>
      </Card>
    </div>
  );
}
