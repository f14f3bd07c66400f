import { redirect } from 'next/navigation';
import { clinicianCasePath } from '@/lib/urls';

/**
 * Kept for links already delivered: until lib/urls.ts, the new-case, pool and emergency mails to clinicians linked
 * to /queue/<id>. Every link built now is /queue/cases/<id>.
 */
export default async function QueueCaseRedirect({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  redirect(clinicianCasePath(encodeURIComponent(id)));
}
