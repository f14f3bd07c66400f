/** What an uploaded MRI report may be (CONTRACTS §7 and issue 16). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const MAX_UPLOAD_PAGES = 5;
/** Decompression bombs: refused from the image header, before any pixel is decoded. */
export const MAX_IMAGE_PIXELS = 40_000_000;
export const MAX_IMAGE_SIDE = 10_000;
/** A PDF page wider or taller than 50 inches (A0 is 46.8 in tall) is not a report page. In PDF points. */
export const MAX_PDF_PAGE_SIDE_PT = 3600;
