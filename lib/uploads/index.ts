/** Uploaded MRI reports (issue 16): check, clean and read a PDF, JPEG or PNG. Server only. */
export { UploadRefusal, type UploadRefusalCode } from './errors';
export { sniffUpload } from './sniff';
export { createOcrEngine, type OcrEngine } from './ocr';
export { inspectUpload, readReport, type ReportReading } from './read';
export { readReportInThread, ReadTimeout, stopReadThread } from './read-thread';
