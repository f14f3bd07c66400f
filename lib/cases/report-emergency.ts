import 'server-only';
import type { Db } from '@/db';
import { lockDraftOfPatient } from '@/db/queries/intake-drafts';
import { findEmergencyAlert, insertSubmittedCase, listRoutingCandidates } from '@/db/queries/intakes';
import { updatePatientContact, upsertPatientProfile } from '@/db/queries/patient-profiles';
import { audit } from '@/lib/audit';
import { sendMail as defaultSendMail } from '@/lib/mail';
import { assessIntake, RED_FLAG_CODES, RED_FLAG_URGENCY, regionsToAreas, routeCase as defaultRouteCase, type BodyRegion, type RedFlagCode } from '@/lib/triage';
import { intakeStepSchemas, patientSchema, phoneSchema, type IntakeDraftData } from '@/lib/validation/intake';
import { ageOn } from '@/lib/format/age';
import { emergencyAlertMail, type PatientContact } from './intake-mails';
import { stampRedFlagAnswers } from './red-flag-stamps';
import type { SubmittingPatient } from './submit-intake';
import { clinicianCasePath } from '@/lib/urls';
import { URGENCY_RANK } from '@/lib/domain/case';
import { absoluteUrl } from '@/lib/env';

/** What the patient's screen is told: exactly what was stored and who was mailed. */
interface EmergencyReport {
  caseId: string;
  urgency: 'emergency';
  /** How many clinicians were mailed the alert. */
  alerted: number;
  /** Their names, so the panel can say who was told. */
  alertedNames: string[];
  /** When the alert was sent (the case's creation time). */
  sentAt: string;
  phone: string;
  mayCall: boolean | null;
}

export type ReportEmergencyResult =
  | { ok: true; created: boolean; report: EmergencyReport }
  | { ok: false; error: 'not_an_emergency' | 'missing_contact' };

/** The alert event's payload: read back on a repeated call so the answer is the same as the first time. */
interface AlertPayload {
  alertedNames?: string[];
  phone?: string;
  mayCall?: boolean | null;
}

function recordOf(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** The emergency red flags answered yes in a draft. */
function emergencyFlagsOf(redFlags: unknown): RedFlagCode[] {
  const answers = recordOf(redFlags);
  return RED_FLAG_CODES.filter((c) => RED_FLAG_URGENCY[c] === 'emergency' && answers[c] === true);
}

/**
 * What the patient has given so far, validated field by field (a draft is half-filled by nature): the contact,
 * whichever "about you" answers are valid, the safety answers given, and the marked regions when valid.
 */
function partialSubmission(data: IntakeDraftData, name: string, phone: string, mayCall: boolean | null) {
  const p = recordOf(data.patient);
  const dateOfBirth = patientSchema.shape.dateOfBirth.safeParse(p.dateOfBirth);
  const sex = patientSchema.shape.sex.safeParse(p.sex);
  const timezone = patientSchema.shape.timezone.safeParse(p.timezone);
  const answers = recordOf(data.redFlags);
  const redFlags = Object.fromEntries(RED_FLAG_CODES.filter((c) => typeof answers[c] === 'boolean').map((c) => [c, answers[c] as boolean]));
  const where = intakeStepSchemas.where.safeParse({ complaint: { regions: recordOf(data.complaint).regions } });
  const regions: BodyRegion[] = where.success ? [...where.data.complaint.regions] : [];
  return {
    incomplete: true as const,
    patient: {
      name,
      phone,
      ...(mayCall === null ? {} : { mayCall }),
      ...(dateOfBirth.success ? { dateOfBirth: dateOfBirth.data } : {}),
      ...(sex.success && sex.data ? { sex: sex.data } : {}),
      ...(timezone.success ? { timezone: timezone.data } : {}),
    },
    redFlags,
    ...(regions.length ? { complaint: { regions } } : {}),
  };
}

/**
 * CONTRACTS §4c `POST /api/intake-draft/emergency`: an emergency answer on the safety step raises a case at once
 * from the patient's draft — marked incomplete, urgency emergency, routed (the on-call clinician first) and alerted
 * by mail with the patient's phone — in ONE transaction with the draft row locked, so two calls (a double click, two
 * tabs) raise one case. A repeated call answers with the first call's case and alert. The draft stays: submitting
 * it later completes this case (submitIntake) instead of creating another.
 */
export async function reportEmergency(
  db: Db,
  patient: SubmittingPatient,
  deps: { now?: () => Date; sendMail?: typeof defaultSendMail; routeCase?: typeof defaultRouteCase } = {},
): Promise<ReportEmergencyResult> {
  const now = deps.now?.() ?? new Date();
  const send = deps.sendMail ?? defaultSendMail;
  const route = deps.routeCase ?? defaultRouteCase;
  const candidates = await listRoutingCandidates(db);

  return db.transaction(async (tx): Promise<ReportEmergencyResult> => {
    const draft = await lockDraftOfPatient(tx, patient.id);
    if (draft?.emergencyCaseId) {
      const previous = await previousReport(tx, patient.id, draft.emergencyCaseId);
      if (previous) return { ok: true, created: false, report: previous };
    }
    const flags = emergencyFlagsOf(draft?.data.redFlags);
    if (!draft || flags.length === 0) return { ok: false, error: 'not_an_emergency' };

    const p = recordOf(draft.data.patient);
    const name = patientSchema.shape.name.safeParse(p.name);
    const phone = phoneSchema.safeParse(p.phone);
    if (!name.success || !phone.success) return { ok: false, error: 'missing_contact' };
    const mayCall = typeof p.mayCall === 'boolean' ? p.mayCall : null;

    const submission = partialSubmission(draft.data, name.data, phone.data, mayCall);
    const dob = submission.patient.dateOfBirth;
    const assessment = assessIntake({
      // Without a date of birth no age reason is given (NaN compares false); urgency never depends on age.
      age: ageOn(dob, now) ?? Number.NaN,
      redFlags: submission.redFlags,
      regions: submission.complaint?.regions ?? [],
    });
    const regions = submission.complaint?.regions ?? [];
    const areas = regionsToAreas(regions);
    const assignedClinicianId = route({ regions, urgency: 'emergency' }, candidates);

    // Contact details go on the profile now, so the schedule, bookings and the case header can reach the patient.
    const tz = submission.patient.timezone;
    if (dob && tz) {
      await upsertPatientProfile(tx, patient.id, { name: name.data, dateOfBirth: dob, timezone: tz, phone: phone.data, mayCall }, now);
    } else {
      await updatePatientContact(tx, patient.id, { name: name.data, phone: phone.data, mayCall }, now);
    }

    const alertedTo = candidates.filter((c) => c.onCall || c.id === assignedClinicianId);
    const alertedNames = alertedTo.map((c) => c.name);
    const answeredAt = stampRedFlagAnswers(draft.data.redFlags, draft.redFlagsAnsweredAt, draft.data.redFlags, now);
    const kase = await insertSubmittedCase(tx, {
      patientId: patient.id,
      urgency: 'emergency',
      urgencyRank: URGENCY_RANK.emergency,
      assignedClinicianId,
      regions,
      areas,
      now,
      submission: { ...submission, redFlagsAnsweredAt: answeredAt },
      reasons: assessment.reasons,
      mriFindings: [],
      unreadMri: [],
      eventPayload: { version: 1, urgency: 'emergency', incomplete: true, flags, assignedClinicianId, alertedNames, phone: phone.data, mayCall },
      incomplete: true,
    });

    const contact: PatientContact = { name: name.data, phone: phone.data, mayCall, email: patient.email };
    for (const clinician of alertedTo) {
      await send(emergencyAlertMail({ to: clinician.email, caseUrl: absoluteUrl(clinicianCasePath(kase.id)), areas, contact, incomplete: true }), tx);
    }
    await audit(
      {
        actor: { id: patient.id, roles: patient.roles ?? ['patient'] },
        action: 'intake.emergency_report',
        resourceType: 'case',
        resourceId: kase.id,
        patientId: patient.id,
        details: { flags, alerted: alertedTo.length, assignedClinicianId },
      },
      tx,
    );
    return {
      ok: true,
      created: true,
      report: { caseId: kase.id, urgency: 'emergency', alerted: alertedTo.length, alertedNames, sentAt: now.toISOString(), phone: phone.data, mayCall },
    };
  });
}

async function previousReport(tx: Db, patientId: string, caseId: string): Promise<EmergencyReport | null> {
  const row = await findEmergencyAlert(tx, patientId, caseId);
  if (!row) return null;
  const payload = (row.payload ?? {}) as AlertPayload;
  const alertedNames = payload.alertedNames ?? [];
  return {
    caseId,
    urgency: 'emergency',
    alerted: alertedNames.length,
    alertedNames,
    sentAt: row.submittedAt.toISOString(),
    phone: payload.phone ?? '',
    mayCall: payload.mayCall ?? null,
  };
}
