import type { QueueCounts, QueueItem, QueuePage } from '@/db/queries/queue';

/** One queue row on the wire: CONTRACTS §4b fields first, then optional extras the page uses. */
interface QueueItemJson {
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
  /** Issue 15: the latest check-in is worse / a mailed check-in is overdue (db/queries/attention.ts). */
  worse: boolean;
  checkInOverdue: boolean;
}

export interface QueueJson {
  items: QueueItemJson[];
  nextCursor: string | null;
  counts?: QueueCounts;
}

/**
 * What the queue table shows of a row. The page hands its client board only this (no areas, no alert time, the
 * reasons' texts only): the rows travel twice in the page, as HTML and as the board's props in the RSC payload, and the
 * props need not carry what the table never shows. The 10-second poll's JSON (QueueJson) is a superset of it.
 */
export type QueueRowJson = Omit<QueueItemJson, 'areas' | 'breachAlertedAt' | 'reasons' | 'worse' | 'checkInOverdue'> & {
  reasons: { text: string }[];
  /** The page's props carry them only when true (most rows have neither, and every row's props travel in the page). */
  worse?: boolean;
  checkInOverdue?: boolean;
};

export interface QueueBoardJson {
  items: QueueRowJson[];
  nextCursor: string | null;
  counts?: QueueCounts;
}

/** The fields the table shows, shared by the page's props and the poll's JSON. */
function rowJson(i: QueueItem): Omit<QueueRowJson, 'reasons' | 'worse' | 'checkInOverdue'> {
  return {
    id: i.id,
    urgency: i.urgency,
    status: i.status,
    assignedClinicianId: i.assignedClinicianId,
    regions: i.regions,
    submittedAt: i.submittedAt.toISOString(),
    slaDueAt: i.slaDueAt.toISOString(),
    assigneeName: i.assigneeName,
    patientName: i.patientName,
    incomplete: i.incomplete,
    patientDateOfBirth: i.patientDateOfBirth,
    redFlag: i.redFlag,
    mriConcern: i.mriConcern,
    mriUnread: i.mriUnread,
  };
}

export function toQueueBoardJson(page: QueuePage): QueueBoardJson {
  return {
    items: page.items.map((i) => ({
      ...rowJson(i),
      reasons: i.reasons.map((r) => ({ text: r.text })),
      ...(i.worse ? { worse: true as const } : {}),
      ...(i.checkInOverdue ? { checkInOverdue: true as const } : {}),
    })),
    nextCursor: page.nextCursor,
  };
}

export function toQueueJson(page: QueuePage, counts?: QueueCounts): QueueJson {
  return {
    items: page.items.map((i) => ({
      ...rowJson(i),
      areas: i.areas,
      reasons: i.reasons.map((r) => ({ code: r.code, source: r.source, text: r.text })),
      breachAlertedAt: i.breachAlertedAt?.toISOString() ?? null,
      worse: i.worse,
      checkInOverdue: i.checkInOverdue,
    })),
    nextCursor: page.nextCursor,
    ...(counts ? { counts } : {}),
  };
}
