/** Uploaded MRI reports (issue 16): check, clean and read a PDF, JPEG or PNG. Server only. */
export { UploadRefusal, type UploadRefusalCode } from './errors';
export { MAX_UPLOAD_BYTES, MAX_UPLOAD_PAGES, MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE } from './limits';
export { sniffUpload, UPLOAD_MIME, type UploadKind } from './sniff';
export { createOcrEngine, type OcrEngine } from './ocr';
export { inspectUpload, readReport, type ReadMethod, type ReadReportOptions, type ReportReading } from './read';
