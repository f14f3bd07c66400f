import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { cases, users } from '../schema';
import { leftScapulaIntake, rightScapulaIntake } from '@/db/seed/forum-cases';
import { submitIntake } from '@/lib/cases/submit-intake';
import { mailTransportKind } from '@/lib/env';
import { intakeSubmissionSchema } from '@/lib/validation/intake';

/**
 * The two forum patients' submitted intakes (shared/seeds), written as the wizard records them and submitted
 * through submitIntake, so they are triaged, routed, given an SLA and announced like any other case.
 * Idempotent: a patient who already has a case is skipped. Seeding never sends real mail: with SMTP configured
 * the notifications are skipped (the outbox keeps them in demo mode).
 *
 * Runs in-process from the CLI (tsx --conditions=react-server, because the service is server-only code).
 */
export async function seedIntakes(db: Db, now: Date = new Date()): Promise<void> {
  const patients = [
    { email: 'patient@demo.test', intake: rightScapulaIntake() },
    { email: 'patient2@demo.test', intake: leftScapulaIntake(now) },
  ];
  for (const p of patients) {
    const [user] = await db.select({ id: users.id, email: users.email, roles: users.roles }).from(users).where(eq(users.email, p.email)).limit(1);
    if (!user) continue;
    const [existing] = await db.select({ id: cases.id }).from(cases).where(eq(cases.patientId, user.id)).limit(1);
    if (existing) continue;
    await submitIntake(db, user, intakeSubmissionSchema.parse(p.intake), {
      now: () => now,
      ...(mailTransportKind() === 'outbox' ? {} : { sendMail: async () => undefined }),
    });
  }
}
