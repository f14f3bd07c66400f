/**
 * Every reason an uploaded MRI report is refused, with the sentence the patient sees. The route maps `status` to
 * the HTTP answer (CONTRACTS §7: 415 for a type we do not take, 413 for a file over the size limit).
 */
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_PAGES, MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE } from './limits';

export type UploadRefusalCode =
  | 'too_large'
  | 'unsupported_type'
  | 'too_many_pages'
  | 'page_too_large'
  | 'pdf_scripts'
  | 'pdf_attachments'
  | 'pdf_launch'
  | 'pdf_encrypted'
  | 'pdf_malformed'
  | 'image_too_large'
  | 'image_malformed'
  | 'no_text';

const PHOTO_INSTEAD = 'Please export it again or upload a photo of the pages.';

const MESSAGES: Record<UploadRefusalCode, string> = {
  too_large: `This file is larger than ${MAX_UPLOAD_BYTES / (1024 * 1024)} MB. Please upload a smaller file, or a photo of each page.`,
  unsupported_type: "We can only read PDF, JPEG or PNG files, and this file is none of those (whatever its name says). Please upload the report as a PDF or a photo.",
  too_many_pages: `This PDF has more than ${MAX_UPLOAD_PAGES} pages. Please upload only the pages of your MRI report.`,
  page_too_large: `A page of this PDF is larger than we can read (bigger than a poster). ${PHOTO_INSTEAD}`,
  pdf_scripts: `This PDF contains scripts, so we can't open it safely. ${PHOTO_INSTEAD}`,
  pdf_attachments: `This PDF has other files hidden inside it, so we can't open it safely. ${PHOTO_INSTEAD}`,
  pdf_launch: `This PDF tries to start other programs, so we can't open it safely. ${PHOTO_INSTEAD}`,
  pdf_encrypted: 'This PDF is protected by a password, so we can\'t read it. Please upload a copy without a password, or a photo of the pages.',
  pdf_malformed: "This PDF seems to be damaged, so we can't read it. Please download it again from your imaging centre, or upload a photo of the pages.",
  image_too_large: `This picture is too large for us to open (over ${MAX_IMAGE_PIXELS / 1_000_000} megapixels or ${MAX_IMAGE_SIDE.toLocaleString('en-GB')} pixels on a side). Please upload a smaller photo.`,
  image_malformed: "This picture seems to be damaged, so we can't read it. Please take the photo again.",
  no_text: "We couldn't find any writing in this file. Please check it is your MRI report, or type the report in instead.",
};

const STATUS: Partial<Record<UploadRefusalCode, 413 | 415>> = { too_large: 413, unsupported_type: 415 };

export class UploadRefusal extends Error {
  readonly code: UploadRefusalCode;
  /** 413, 415, or 422 for a file of an allowed type that we will not (or cannot) read. */
  readonly status: 413 | 415 | 422;

  constructor(code: UploadRefusalCode, options?: { cause?: unknown }) {
    super(MESSAGES[code], options);
    this.name = 'UploadRefusal';
    this.code = code;
    this.status = STATUS[code] ?? 422;
  }
}
