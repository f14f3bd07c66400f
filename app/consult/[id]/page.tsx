import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { ButtonLink } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/card';
import { PatientContact } from '@/components/queue/patient-contact';
import { ConsultRoom } from '@/components/video/consult-room';
import { RoomCountdown } from '@/components/video/room-countdown';
import { audit } from '@/lib/audit';
import { requireUser } from '@/lib/auth/guards';
import { nowMs } from '@/lib/booking/clock';
import { formatRangeInZone, formatTime, zoneLabel } from '@/lib/booking/format';
import { iceServersForParticipant } from '@/lib/video/ice-servers';
import { findConsultRoom } from '@/lib/consults/room-access';
import { bookingPagePath, clinicianCasePath, consultNotesPath } from '@/lib/urls';

export const metadata: Metadata = { title: 'Video consult' };
export const dynamic = 'force-dynamic';

/** The private 1:1 video room of a confirmed booking: its patient and its clinician only; anyone else gets 404. */
export default async function ConsultPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const now = nowMs();
  const room = await findConsultRoom(await getDb(), user, id, now);
  if (!room) {
    await audit({ actor: user, action: 'consult.view', resourceType: 'booking', resourceId: id, outcome: 'denied' });
    notFound();
  }
  // TURN credentials are minted only here: for a participant, while the room is open (lib/video/ice-servers.ts).
  const iceServers = room.phase === 'open' ? iceServersForParticipant(room.selfId, now) : [];
  const turnCredential = iceServers.some((s) => s.credential !== undefined);
  await audit({ actor: user, action: 'consult.view', resourceType: 'booking', resourceId: room.bookingId, patientId: room.patientId, details: { phase: room.phase, turnCredential } });
  const zone = room.viewerTimezone;
  const bookingLink = (
    <Link href={bookingPagePath(room.bookingId)} className="font-medium text-brand-700 underline">
      Booking details
    </Link>
  );

  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader
        title="Video consult"
        description={
          <>
            {room.consultTypeName} with {room.otherName}
            <span className="block text-sm">{formatRangeInZone(room.startsAt, room.endsAt, zone)}</span>
          </>
        }
      />
      {room.patient && (
        <div className="mb-4 flex flex-col gap-1 rounded-lg border border-line bg-white px-4 py-3 sm:flex-row sm:flex-wrap sm:items-center sm:gap-x-4">
          <PatientContact compact name={room.patient.name} phone={room.patient.phone} mayCall={room.patient.mayCall} email={room.patient.email} />
          {room.patient.caseId && (
            <Link href={clinicianCasePath(room.patient.caseId)} className="text-sm font-medium text-brand-700 underline" target="_blank">
              Open the case (new tab)
            </Link>
          )}
        </div>
      )}
      {room.phase === 'before' && (
        <Card className="max-w-xl space-y-3">
          <h2 className="text-lg font-semibold">The room is not open yet</h2>
          <p data-testid="room-opens-at">
            It opens at <strong>{formatTime(room.window.opensAt, zone)}</strong> (your time zone: {zoneLabel(room.window.opensAt, zone)}), 10 minutes before the
            start.
          </p>
          <RoomCountdown opensAt={room.window.opensAt} initialNow={now} />
          <p className="text-sm text-muted">Keep this page open: the room appears by itself. You can check your camera and microphone once it opens.</p>
          <p className="text-sm">{bookingLink}</p>
        </Card>
      )}
      {room.phase === 'ended' && (
        <Card className="max-w-xl space-y-3">
          <h2 className="text-lg font-semibold">This consult has ended</h2>
          <p>The video room closed at {formatTime(room.window.closesAt, zone)} ({zoneLabel(room.window.closesAt, zone)}).</p>
          {room.as === 'clinician' && <ButtonLink href={consultNotesPath(room.bookingId)}>Consult notes</ButtonLink>}
          <p className="text-sm">{bookingLink}</p>
        </Card>
      )}
      {room.phase === 'open' && (
        <ConsultRoom bookingId={room.bookingId} polite={room.as === 'patient'} otherName={room.otherName} iceServers={iceServers} notesHref={room.as === 'clinician' ? consultNotesPath(room.bookingId) : undefined} />
      )}
    </div>
  );
}
