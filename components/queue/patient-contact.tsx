/** How to reach the patient: name, phone (with whether they agreed to calls) and email, as links a phone can dial. */
export function PatientContact({
  name,
  phone,
  mayCall,
  email,
  compact = false,
}: {
  name: string | null;
  phone: string | null;
  mayCall: boolean | null;
  email: string;
  compact?: boolean;
}) {
  const callNote = mayCall === false ? 'asked not to be phoned' : mayCall ? 'agreed to be phoned' : 'not asked about calls';
  if (compact) {
    return (
      <span className="text-sm" data-testid="patient-contact">
        {phone ? (
          <a href={`tel:${phone}`} className="text-brand-700 underline">
            {phone}
          </a>
        ) : (
          <span className="text-muted">no phone given</span>
        )}
        {phone && <span className="text-muted"> ({callNote})</span>} ·{' '}
        <a href={`mailto:${email}`} className="break-all text-brand-700 underline">
          {email}
        </a>
      </span>
    );
  }
  return (
    <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]" data-testid="patient-contact">
      <dt className="font-medium text-muted">Name</dt>
      <dd>{name ?? 'Not given'}</dd>
      <dt className="font-medium text-muted">Phone</dt>
      <dd>
        {phone ? (
          <>
            <a href={`tel:${phone}`} className="font-semibold text-brand-700 underline">
              {phone}
            </a>{' '}
            <span className={mayCall === false ? 'font-semibold text-amber-900' : 'text-muted'}>({callNote})</span>
          </>
        ) : (
          <span className="text-muted">Not given (intake sent before phone numbers were asked)</span>
        )}
      </dd>
      <dt className="font-medium text-muted">Email</dt>
      <dd>
        <a href={`mailto:${email}`} className="break-all text-brand-700 underline">
          {email}
        </a>
      </dd>
    </dl>
  );
}
