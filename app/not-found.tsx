import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';

export default function NotFound() {
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <h1 className="text-2xl font-semibold">Page not found</h1>
        <p className="mt-2 text-muted">We couldn&apos;t find that page. It may have moved, or the link may be incomplete.</p>
        <ButtonLink href="/" className="mt-4">
          Back to the start
        </ButtonLink>
      </Card>
    </div>
  );
}
