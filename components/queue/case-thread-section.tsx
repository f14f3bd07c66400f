import { listThreadForViewer } from '@/lib/cases/messages';
import type { ActorRef } from '@/lib/domain/actor';
import { CaseThread, type PostCaseMessage } from './case-thread';

/**
 * Server wrapper any case page can drop in: loads the thread the viewer may see (patients: own case, no internal
 * notes), audits the read, and renders the thread with its reply box. Renders nothing for a case not theirs.
 */
export async function CaseThreadSection({ caseId, viewer, timeZone, post }: { caseId: string; viewer: ActorRef; timeZone?: string; post: PostCaseMessage }) {
  const messages = await listThreadForViewer(viewer, caseId);
  if (!messages) return null;
  const isStaff = viewer.roles.includes('clinician') || viewer.roles.includes('admin');
  return (
    <CaseThread
      caseId={caseId}
      viewer={isStaff ? 'staff' : 'patient'}
      viewerId={viewer.id}
      timeZone={timeZone}
      post={post}
      messages={messages.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() }))}
    />
  );
}
