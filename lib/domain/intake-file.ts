/** An uploaded MRI report file (issue 16, CONTRACTS §7): being read, read, or not readable. */
export const INTAKE_FILE_STATUSES = ['reading', 'done', 'failed'] as const;
export type IntakeFileStatus = (typeof INTAKE_FILE_STATUSES)[number];
/** How its text was got: the PDF's own text layer, or OCR of the page images. */
export type IntakeFileMethod = 'pdf-text' | 'ocr';
