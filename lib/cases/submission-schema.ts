import 'server-only';
import { env } from '@/lib/env';
import { intakeSubmissionSchemaFor } from '@/lib/validation/intake';

let cached: { age: number; schema: ReturnType<typeof intakeSubmissionSchemaFor> } | undefined;

/** The intake schema with this server's guardian age (GUARDIAN_REQUIRED_UNDER_AGE), the one the wizard is given. */
export function serverIntakeSchema() {
  const age = env().GUARDIAN_REQUIRED_UNDER_AGE;
  if (cached?.age !== age) cached = { age, schema: intakeSubmissionSchemaFor(age) };
  return cached.schema;
}
