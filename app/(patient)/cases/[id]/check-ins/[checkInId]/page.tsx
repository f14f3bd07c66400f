import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { CheckInFormRoot, CheckInSent } from '@/components/check-in/check-in-form';
import { Alert } from '@/components/ui/badge';
import { requireUser } from '@/lib/auth/guards';
import { formatDateTime } from '@/lib/format/dates';
import { readCheckInForPatient } from '@/lib/outcomes/read-outcomes';
import { patientCasePath } from '@/lib/urls';

export const metadata: Metadata = { title: 'Your check-in' };
export const dynamic = 'force-dynamic';

/**
 * The patient's check-in (issue #15, linked from the check-in mails): the form while it is open, what was sent once
 * it is submitted, the day it opens before that. Only the case's own patient reads it (scoped in the query, as a
 * patient even when they hold another role); anyone else — and a check-in under another case's address — is a 404.
 */
export default async function CheckInPage({ params }: { params: Promise<{ id: string; checkInId: string }> }) {
  const user = await requireUser();
  const { id, checkInId } = await params;
  const checkIn = await readCheckInForPatient(await getDb(), { id: user.id, roles: ['patient'] }, checkInId);
  if (!checkIn || checkIn.caseId !== id) notFound();
  const tz = user.timezone || 'UTC';

  const header = (
    <div>
      <p className="text-sm text-muted">
        <Link href={patientCasePath(checkIn.caseId)} className="text-brand-700 underline-offset-2 hover:underline">
          Your case
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight">Your check-in</h1>
    </div>
  );

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      {checkIn.answers ? (
        <CheckInSent header={header} answers={checkIn.answers} 
          earlier={`You sent it ${formatDateTime(checkIn.submittedAt ?? checkIn.dueAt, tz)}. Each check-in is sent once; if something has changed since, write to your team from your case page.`}
        />
      ) : checkIn.open ? (
        <CheckInFormRoot
          header={header}
          checkInId={checkIn.id}
          psfsActivities={checkIn.psfsActivities}
          stopIf={checkIn.stopIf}
          draft={checkIn.draft}
          draftSavedAt={checkIn.draftSavedAt?.toISOString() ?? null}
        />
      ) : (
        <>
          {header}
          <Alert tone="info" role="status" title="This check-in is not open yet">
            It opens on {formatDateTime(checkIn.dueAt, tz)}. We will email you a link then.
          </Alert>
        </>
      )}
    </div>
  );
}
