'use server';
import { signOut } from '@/lib/auth/config';

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/signin?signedOut=1' });
}

/** Called by the idle timer: ends the server session too, so the sign-in page does not bounce back. */
export async function signOutForInactivity(): Promise<void> {
  await signOut({ redirectTo: '/signin?reason=timeout' });
}
