import type { QueueCounts, QueueItem, QueuePage } from '@/db/queries/queue';

/** One queue row on the wire: CONTRACTS §4b fields first, then optional extras the page uses. */
export interface QueueItemJson {
  id: string;
  urgency: QueueItem['urgency'];
  status: QueueItem['status'];
  assignedClinicianId: string | null;
  regions: string[];
  submittedAt: string;
  slaDueAt: string;
  assigneeName: string | null;
  areas: string[];
  patientName: string | null;
  patientDateOfBirth: string | null;
  reasons: { code: string; source: string; text: string }[];
  redFlag: boolean;
  mriConcern: 'urgent' | 'review' | null;
  /** Sentences of the MRI report the triage engine could not read (a reviewer must): 0 when none or no report. */
  mriUnread: number;
  breachAlertedAt: string | null;
  /** An emergency sent from the safety step; the rest of the intake has not arrived. */
  incomplete: boolean;
}

export interface QueueJson {
  items: QueueItemJson[];
  nextCursor: string | null;
  counts?: QueueCounts;
}

export function toQueueJson(page: QueuePage, counts?: QueueCounts): QueueJson {
  return {
    items: page.items.map((i) => ({
      id: i.id,
      urgency: i.urgency,
      status: i.status,
      assignedClinicianId: i.assignedClinicianId,
      regions: i.regions,
      submittedAt: i.submittedAt.toISOString(),
      slaDueAt: i.slaDueAt.toISOString(),
      assigneeName: i.assigneeName,
      areas: i.areas,
      patientName: i.patientName,
      incomplete: i.incomplete,
      patientDateOfBirth: i.patientDateOfBirth,
      reasons: i.reasons.map((r) => ({ code: r.code, source: r.source, text: r.text })),
      redFlag: i.redFlag,
      mriConcern: i.mriConcern,
      mriUnread: i.mriUnread,
      breachAlertedAt: i.breachAlertedAt?.toISOString() ?? null,
    })),
    nextCursor: page.nextCursor,
    ...(counts ? { counts } : {}),
  };
}
