import { Card } from '@/components/ui/card';
import type { StaffCaseView } from '@/lib/cases/view-case';
import type { GivenWithIntake } from './case-view-contact';
import { IntakeSummary } from './intake-summary';
import type { MriUploadForView } from './mri-upload-view';
import { SafetyAnswers } from './safety-answers';

/** The safety answers always; the rest of the intake only once the patient finished it. */
export function CaseViewIntake({ view, given, mriUpload }: { view: StaffCaseView; given: GivenWithIntake; mriUpload?: MriUploadForView | null }) {
  const h = view.header;
  return (
    <>
      <SafetyAnswers redFlags={given.redFlags} answeredAt={given.redFlagsAnsweredAt} versionCreatedAt={view.intakeVersionCreatedAt} />
      {h.incomplete ? null : view.submission ? (
        <IntakeSummary submission={view.submission} findings={view.mriFindings} unread={view.unreadMri} age={view.age} now={view.at} regions={h.regions} mriUpload={mriUpload} />
      ) : (
        <Card>
          <p>The intake of this case could not be found.</p>
        </Card>
      )}
    </>
  );
}
