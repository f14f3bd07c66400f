/** An uploaded MRI report file (issue 16, CONTRACTS §7): being read, read, or not readable. */
export type IntakeFileStatus = 'reading' | 'done' | 'failed';
/** How its text was got: the PDF's own text layer, or OCR of the page images. */
export type IntakeFileMethod = 'pdf-text' | 'ocr';
