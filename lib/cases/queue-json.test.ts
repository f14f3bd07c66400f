import { describe, expect, it } from 'vitest';
import type { QueueItem } from '@/db/queries/queue';
import { queueBoardFromWire, toQueueBoardJson, toQueueBoardWire, toQueueJson } from './queue-json';

const item: QueueItem = {
  id: '0a64f4bf-6324-487c-bb69-fca07c5f3a13',
  urgency: 'urgent',
  status: 'submitted',
  assignedClinicianId: null,
  assigneeName: null,
  regions: ['upper_back_right'],
  areas: ['thoracic'],
  submittedAt: new Date('2026-11-21T04:28:43.512Z'),
  slaDueAt: new Date('2026-11-21T05:28:43.512Z'),
  breachAlertedAt: new Date('2026-11-21T05:30:00.000Z'),
  incomplete: false,
  patientName: 'Deniz Aksoy',
  patientDateOfBirth: '1979-09-29',
  reasons: [{ code: 'night_pain', source: 'screen', text: 'Constant night pain that no position eases', rule: 'red_flag' }],
  redFlag: true,
  mriConcern: 'review',
  mriUnread: 2,
  worse: true,
  checkInOverdue: false,
};

describe('the queue page board props', () => {
  it('carry what the table shows and nothing the page does not render (the rows travel in the RSC payload too)', () => {
    const board = toQueueBoardJson({ items: [item], nextCursor: 'c1' });
    expect(board).toEqual({
      items: [
        {
          id: item.id,
          urgency: 'urgent',
          status: 'submitted',
          assignedClinicianId: null,
          assigneeName: null,
          regions: ['upper_back_right'],
          submittedAt: '2026-11-21T04:28:43.512Z',
          slaDueAt: '2026-11-21T05:28:43.512Z',
          incomplete: false,
          patientName: 'Deniz Aksoy',
          patientDateOfBirth: '1979-09-29',
          reasons: [{ text: 'Constant night pain that no position eases' }],
          redFlag: true,
          mriConcern: 'review',
          mriUnread: 2,
          worse: true,
        },
      ],
      nextCursor: 'c1',
    });
  });

  it('are a subset of the JSON API row, so the 10-second poll can replace them', () => {
    const api = toQueueJson({ items: [item], nextCursor: null }).items[0] as unknown as Record<string, unknown>;
    const board = toQueueBoardJson({ items: [item], nextCursor: null }).items[0];
    for (const [k, v] of Object.entries(board)) {
      if (k === 'reasons') expect((api.reasons as { text: string }[]).map((r) => r.text)).toEqual(board.reasons.map((r) => r.text));
      else expect(api[k], k).toEqual(v);
    }
  });
});

describe('the compact form of the board props (QueueRowWire)', () => {
  const variants: QueueItem[] = [
    item,
    { ...item, assignedClinicianId: 'c5b0f7a8-35c8-4c48-9bde-4c5b8b0f1a11', assigneeName: 'Sam Carter', status: 'in_review', worse: false, checkInOverdue: true },
    { ...item, patientName: null, patientDateOfBirth: null, mriConcern: null, mriUnread: 0, redFlag: false, incomplete: true, worse: false, reasons: [] },
    { ...item, patientName: '', assigneeName: '', regions: [] },
  ];

  it('reads back as exactly the rows toQueueBoardJson gives, whatever is empty or set', () => {
    const page = { items: variants, nextCursor: 'c2' };
    expect(queueBoardFromWire(toQueueBoardWire(page))).toEqual(toQueueBoardJson(page));
    expect(queueBoardFromWire(toQueueBoardWire({ items: [], nextCursor: null }))).toEqual({ items: [], nextCursor: null });
  });

  it('survives the trip through JSON (as RSC props do) and is much smaller than the named form', () => {
    const page = { items: Array.from({ length: 50 }, (_, i) => variants[i % variants.length]), nextCursor: null };
    const wire = JSON.stringify(toQueueBoardWire(page));
    expect(queueBoardFromWire(JSON.parse(wire) as ReturnType<typeof toQueueBoardWire>)).toEqual(toQueueBoardJson(page));
    expect(wire.length).toBeLessThan(JSON.stringify(toQueueBoardJson(page)).length * 0.6);
  });
});
