'use client';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { abandonDemoCheckout, payDemoCheckout, type DemoCheckoutState } from './actions';

export function DemoCheckoutForm({ sessionId, amount }: { sessionId: string; amount: string }) {
  const [payState, pay, paying] = useActionState<DemoCheckoutState>(payDemoCheckout.bind(null, sessionId), null);
  const [abandonState, abandon, abandoning] = useActionState<DemoCheckoutState>(abandonDemoCheckout.bind(null, sessionId), null);
  const error = payState?.formError ?? abandonState?.formError;
  return (
    <div className="space-y-3">
      {error && (
        <Alert tone="danger" role="alert">
          {error}
        </Alert>
      )}
      <div className="flex flex-col gap-2 sm:flex-row">
        <form action={pay} className="sm:flex-1">
          <Button type="submit" busy={paying} disabled={abandoning} className="w-full">
            Pay {amount} (demo)
          </Button>
        </form>
        <form action={abandon} className="sm:flex-1">
          <Button type="submit" variant="secondary" busy={abandoning} disabled={paying} className="w-full">
            Abandon payment
          </Button>
        </form>
      </div>
    </div>
  );
}
