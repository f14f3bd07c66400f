import type { Metadata } from 'next';
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { Alert } from '@/components/ui/badge';
import { mailTransportKind } from '@/lib/env';

export const metadata: Metadata = { title: 'Check your email' };

export default async function CheckEmailPage({ searchParams }: { searchParams: Promise<{ email?: string }> }) {
  const { email } = await searchParams;
  const demo = mailTransportKind() === 'outbox';
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <h1 className="text-2xl font-semibold">Check your email</h1>
        <p className="mt-2 text-muted">
          We sent a sign-in link{email ? <> to <strong className="text-ink">{email}</strong></> : null}. It works once and expires in 15
          minutes. You can close this tab.
        </p>
        {demo && (
          <Alert tone="warning" className="mt-4" title="Demo mode: no real email is sent">
            Open the{' '}
            <Link className="font-semibold underline" href={`/dev/mailbox${email ? `?to=${encodeURIComponent(email)}` : ''}`}>
              demo mailbox
            </Link>{' '}
            to find your link.
          </Alert>
        )}
        <p className="mt-4 text-sm">
          Wrong address? <Link className="font-medium text-brand-700 underline" href="/signin">Try again</Link>
        </p>
      </Card>
    </div>
  );
}
