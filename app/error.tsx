'use client';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <h1 className="text-2xl font-semibold">Something went wrong</h1>
        <p className="mt-2 text-muted">
          This is our fault, not yours. Nothing you saved is lost. Try again, and if it keeps happening tell the rehab team
          {error.digest ? <> (reference <code>{error.digest}</code>)</> : null}.
        </p>
        <Button className="mt-4" onClick={reset}>
          Try again
        </Button>
      </Card>
    </div>
  );
}
