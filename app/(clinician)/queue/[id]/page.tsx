import { redirect } from 'next/navigation';

/** Older links (/queue/<id>, e.g. in intake notification mails) lead to the case view. */
export default async function QueueCaseRedirect({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  redirect(`/queue/cases/${encodeURIComponent(id)}`);
}
