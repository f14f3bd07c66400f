import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { BreakGlassForm } from '@/components/queue/break-glass-form';
import { currentUser, hasRole } from '@/lib/auth/guards';

/**
 * The case view's 404. Everyone sees the same "not found", whether the case is missing or out of reach; an active
 * clinician (the guards drop the role of an inactive one) is also offered "open with a reason" — without learning
 * from this page whether the case exists.
 */
export default async function CaseNotFound() {
  const user = await currentUser();
  const clinician = user !== null && hasRole(user, 'clinician');
  return (
    <div className="mx-auto max-w-lg">
      <Card>
        <h1 className="text-2xl font-semibold">Page not found</h1>
        <p className="mt-2 text-muted">
          {clinician
            ? 'There is no case here that you can read: it may not exist, or it is not assigned to you, not in your areas and not in the shared pool.'
            : "We couldn't find that page. It may have moved, or the link may be incomplete."}
        </p>
        {clinician ? (
          <BreakGlassForm />
        ) : (
          <ButtonLink href="/" className="mt-4">
            Back to the start
          </ButtonLink>
        )}
      </Card>
    </div>
  );
}
