import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { Alert } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/field';
import { mailTransportKind } from '@/lib/env';
import { listOutbox } from '@/lib/mail';
import { Linkified } from './linkified';

export const metadata: Metadata = { title: 'Demo mailbox' };
export const dynamic = 'force-dynamic';

export default async function MailboxPage({ searchParams }: { searchParams: Promise<{ to?: string }> }) {
  if (mailTransportKind() !== 'outbox') notFound();
  const { to } = await searchParams;
  const valid = z.email().safeParse(to ?? '');
  const items = valid.success ? await listOutbox(valid.data) : [];
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="Demo mailbox" description="Demo mode keeps email here instead of sending it. Enter an address to read its mail." />
      <Alert tone="warning" className="mb-4">
        This page exists only in demo mode (npm run demo, no SMTP server configured). It is never available with real email.
      </Alert>
      <form method="get" className="mb-6 flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="flex-1">
          <label htmlFor="to" className="block text-sm font-medium">
            Email address
          </label>
          <Input id="to" name="to" type="email" defaultValue={to ?? ''} placeholder="patient@demo.test" required />
        </div>
        <Button type="submit">Open mailbox</Button>
      </form>
      {to && !valid.success && <Alert tone="danger" role="alert">That is not a valid email address.</Alert>}
      {valid.success && items.length === 0 && (
        <EmptyState title="No mail yet">Nothing has been sent to {valid.data}. Ask for a sign-in link and reload this page.</EmptyState>
      )}
      <ul className="space-y-4">
        {items.map((m, i) => (
          <li key={`${m.createdAt}-${i}`}>
            <Card>
              <article aria-label={m.subject}>
                <h2 className="font-semibold">{m.subject}</h2>
                <p className="text-sm text-muted">
                  To {m.to} · <time dateTime={m.createdAt}>{new Date(m.createdAt).toUTCString()}</time>
                </p>
                <div className="mt-3 whitespace-pre-wrap break-words text-sm">
                  <Linkified text={m.text} />
                </div>
                {m.attachments.length > 0 && (
                  <ul className="mt-3 space-y-1 text-sm">
                    {m.attachments.map((a) => (
                      <li key={a.filename}>
                        Attachment:{' '}
                        <a
                          className="font-medium text-brand-700 underline"
                          download={a.filename}
                          href={`data:${a.contentType};charset=utf-8,${encodeURIComponent(a.content)}`}
                        >
                          {a.filename}
                        </a>
                      </li>
                    ))}
                  </ul>
                )}
              </article>
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
