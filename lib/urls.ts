/**
 * Every link to a page of the app, built in one place. Paths serve <Link>, router.push, redirect and revalidatePath;
 * `absoluteUrl` (lib/env, server only) turns one into the address that leaves the app (mails, calendar files,
 * Stripe's return URLs). Pure, so client components use it without bundling the server's settings. A clinician's case
 * is /queue/cases/<id>, the route the page lives at; /queue/<id> only redirects for links in mails sent before this
 * file existed.
 */

export const patientCasePath = (caseId: string) => `/cases/${caseId}`;
export const editCasePath = (caseId: string) => `/cases/${caseId}/edit`;
export const clinicianCasePath = (caseId: string) => `/queue/cases/${caseId}`;
export const bookingPagePath = (bookingId: string) => `/bookings/${bookingId}`;
export const consultNotesPath = (bookingId: string) => `/schedule/${bookingId}/notes`;
export const consultRoomPath = (bookingId: string) => `/consult/${bookingId}`;
/** Booking the consult a clinician recommended on a case. */
export const bookConsultPath = (caseId: string) => `/book?case=${caseId}`;
export const bookWithClinicianPath = (clinicianId: string) => `/book?clinician=${clinicianId}`;
/** The stand-in for Stripe's hosted page when payments run in demo mode. */
export const demoCheckoutPath = (sessionId: string) => `/demo-checkout/${sessionId}`;
export const schedulePath = () => '/schedule';
export const signInPath = (email: string) => `/signin?email=${encodeURIComponent(email)}`;
/** The patient's check-in form, linked from the check-in mails. */
export const checkInPath = (caseId: string, checkInId: string) => `/cases/${caseId}/check-ins/${checkInId}`;
/** Uploading an MRI report (CONTRACTS §7), then its reading status, the file as uploaded and a picture of its first page. */
export const intakeFilesApiPath = () => '/api/intake-files';
export const intakeFileApiPath = (fileId: string) => `/api/intake-files/${fileId}`;
export const intakeFileOriginalPath = (fileId: string) => `/api/intake-files/${fileId}/original`;
export const intakeFileThumbnailPath = (fileId: string) => `/api/intake-files/${fileId}/thumbnail`;
