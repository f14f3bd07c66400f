import { intakeFileOriginalPath, intakeFileThumbnailPath } from '@/lib/urls';

/** The uploaded file beside its text: a picture of page 1 and a link to the file itself (a new tab). */
export function UploadOriginal({ fileId, fileName }: { fileId: string; fileName: string | null }) {
  return (
    <figure className="space-y-2" data-testid="mri-original">
      <a href={intakeFileOriginalPath(fileId)} target="_blank" rel="noopener" className="mx-auto block w-fit rounded-lg border border-line bg-white p-1 hover:border-brand-600 sm:w-auto">
        {/* eslint-disable-next-line @next/next/no-img-element -- a private, per-patient image: next/image's optimiser must not fetch or cache it */}
        <img
          src={intakeFileThumbnailPath(fileId)}
          alt={`First page of ${fileName ? `“${fileName}”` : 'the report you uploaded'}`}
          className="mx-auto max-h-56 w-auto object-contain sm:max-h-none sm:w-full"
        />
      </a>
      <figcaption className="text-sm">
        <a href={intakeFileOriginalPath(fileId)} target="_blank" rel="noopener" className="font-medium text-brand-800 underline">
          Open your original file<span className="sr-only"> (opens in a new tab)</span>
        </a>
      </figcaption>
    </figure>
  );
}
