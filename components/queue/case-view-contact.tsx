import { Card } from '@/components/ui/card';
import type { StaffCaseView } from '@/lib/cases/view-case';
import { PatientContact } from './patient-contact';

/** The parts of the submitted intake the case view reads beside the profile. */
export type GivenWithIntake = {
  patient?: { name?: string; phone?: string; mayCall?: boolean };
  guardian?: { name: string; relationship: string };
  redFlags?: Partial<Record<string, boolean>>;
  redFlagsAnsweredAt?: Partial<Record<string, string>>;
};

export function CaseViewContact({ view, given, patientName }: { view: StaffCaseView; given: GivenWithIntake; patientName: string | null }) {
  const h = view.header;
  // The contact given with this case's intake, else the profile's (cases sent before phone numbers were asked).
  const phone = given.patient?.phone ?? h.patientPhone;
  const mayCall = given.patient?.mayCall ?? h.patientMayCall;
  return (
    <Card>
      <h2 className="mb-2 text-lg font-semibold">Contact</h2>
      <PatientContact name={patientName} phone={phone} mayCall={mayCall} email={h.patientEmail} />
      {given.guardian && (
        <p className="mt-2 text-sm" data-testid="guardian">
          <strong>Under-age patient.</strong> Parent or guardian: {given.guardian.name} ({given.guardian.relationship}), who consented to this intake.
        </p>
      )}
    </Card>
  );
}
