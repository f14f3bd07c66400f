import type { Metadata } from 'next';
import { Card } from '@/components/ui/card';
import { ButtonLink } from '@/components/ui/button';

export const metadata: Metadata = { title: 'Not available' };

export default function AccessDeniedPage() {
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <h1 className="text-2xl font-semibold">This page isn&apos;t available to you</h1>
        <p className="mt-2 text-muted">
          It belongs to another part of the service (for example the rehab team&apos;s workspace). If you think you should have access, ask
          the team lead. This attempt has been recorded.
        </p>
        <ButtonLink href="/home" className="mt-4">
          Go to your home page
        </ButtonLink>
      </Card>
    </div>
  );
}
