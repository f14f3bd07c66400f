/**
 * The one result every server action returns (and the client fetch helpers mirror): data on success; on failure the
 * messages per field, keyed by the zod path as `fieldErrorsOf` builds them, so react-hook-form can `setError` each
 * one onto its field, plus an optional message for the form as a whole.
 */
export type FieldErrors = Record<string, string[]>;

export type ActionFailure = { ok: false; fieldErrors: FieldErrors; formError?: string };

export type ActionResult<T> = { ok: true; data: T } | ActionFailure;

/** A failure no single field owns: "not found", a lost race, a rate limit. */
export function formFailure(formError: string): ActionFailure {
  return { ok: false, fieldErrors: {}, formError };
}
