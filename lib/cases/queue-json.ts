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

/**
 * A queue row as the page hands it to its client board: the values of QueueRowJson in a fixed order, without key
 * names, times as epoch milliseconds, empty values as 0 and the four yes/no fields as one number of bits. The 50 rows
 * travel in the page twice (as HTML, and as these props in the RSC payload, which is itself escaped into the HTML's
 * scripts), and the names and ISO strings were half of the payload: the page's server time grows with its bytes
 * (issue 13). Only queueRowsFromWire reads it; the JSON API keeps its named fields (CONTRACTS §4b).
 */
type QueueRowWire = [
  id: string,
  urgency: QueueRowJson['urgency'],
  status: QueueRowJson['status'],
  assignedClinicianId: string | 0,
  assigneeName: string | 0,
  regions: string[],
  submittedAt: number,
  slaDueAt: number,
  patientName: string | 0,
  patientDateOfBirth: string | 0,
  flags: number,
  mriConcern: Exclude<QueueRowJson['mriConcern'], null> | 0,
  mriUnread: number,
  reasons: string[],
];

export interface QueueBoardWire {
  rows: QueueRowWire[];
  nextCursor: string | null;
}

const orNull = <T,>(v: T | 0): T | null => (v === 0 ? null : v);

const RED_FLAG = 1;
const INCOMPLETE = 2;
const WORSE = 4;
const CHECK_IN_OVERDUE = 8;

export function toQueueBoardWire(page: QueuePage): QueueBoardWire {
  return {
    rows: page.items.map((i): QueueRowWire => [
      i.id,
      i.urgency,
      i.status,
      i.assignedClinicianId ?? 0,
      i.assigneeName ?? 0,
      i.regions,
      i.submittedAt.getTime(),
      i.slaDueAt.getTime(),
      i.patientName ?? 0,
      i.patientDateOfBirth ?? 0,
      (i.redFlag ? RED_FLAG : 0) | (i.incomplete ? INCOMPLETE : 0) | (i.worse ? WORSE : 0) | (i.checkInOverdue ? CHECK_IN_OVERDUE : 0),
      i.mriConcern ?? 0,
      i.mriUnread,
      i.reasons.map((r) => r.text),
    ]),
    nextCursor: page.nextCursor,
  };
}

/** The board's rows from the page's props: exactly what toQueueBoardJson gives for the same page. */
export function queueBoardFromWire(wire: QueueBoardWire): QueueBoardJson {
  return {
    items: wire.rows.map(
      ([id, urgency, status, assignedClinicianId, assigneeName, regions, submittedAt, slaDueAt, patientName, patientDateOfBirth, flags, mriConcern, mriUnread, reasons]) => ({
        id,
        urgency,
        status,
        assignedClinicianId: orNull(assignedClinicianId),
        regions,
        submittedAt: new Date(submittedAt).toISOString(),
        slaDueAt: new Date(slaDueAt).toISOString(),
        assigneeName: orNull(assigneeName),
        patientName: orNull(patientName),
        incomplete: (flags & INCOMPLETE) !== 0,
        patientDateOfBirth: orNull(patientDateOfBirth),
        redFlag: (flags & RED_FLAG) !== 0,
        mriConcern: orNull(mriConcern),
        mriUnread,
        reasons: reasons.map((text) => ({ text })),
        ...(flags & WORSE ? { worse: true as const } : {}),
        ...(flags & CHECK_IN_OVERDUE ? { checkInOverdue: true as const } : {}),
      }),
    ),
    nextCursor: wire.nextCursor,
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
