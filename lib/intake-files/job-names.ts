/** The pg-boss queue that reads an uploaded MRI report (lib/intake-files/jobs.ts). */
export const READ_INTAKE_FILE_JOB = 'intake-file.read';
