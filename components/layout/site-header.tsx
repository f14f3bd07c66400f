import Link from 'next/link';
import { currentUser, hasRole } from '@/lib/auth/guards';
import { env } from '@/lib/env';
import { upcomingConsultWindows } from '@/lib/consults/upcoming-consult-windows';
import { SessionTimeout } from './session-timeout';
import { MobileNav } from './mobile-nav';

/** The sign-out server actions, handed down by the root layout (app/ is the top: components never import from it). */
export interface SignOutActions {
  signOut: () => Promise<void>;
  signOutForInactivity: () => Promise<void>;
}

function roleLabel(roles: readonly string[]): string {
  if (roles.includes('clinician') && roles.includes('admin')) return 'Lead clinician';
  if (roles.includes('admin')) return 'Admin';
  if (roles.includes('clinician')) return 'Clinician';
  return 'Patient';
}

export async function SiteHeader({ signOut, signOutForInactivity }: SignOutActions) {
  const user = await currentUser();
  const links: { href: string; label: string }[] = [];
  if (user) {
    if (hasRole(user, 'patient')) links.push({ href: '/cases', label: 'My cases' });
    if (hasRole(user, 'patient')) links.push({ href: '/intake', label: 'Tell us about your pain' });
    if (hasRole(user, 'patient')) links.push({ href: '/bookings', label: 'Bookings' });
    if (hasRole(user, 'clinician')) links.push({ href: '/queue', label: 'Queue' });
    if (hasRole(user, 'clinician')) links.push({ href: '/schedule', label: 'Schedule' });
    if (hasRole(user, 'admin')) links.push({ href: '/admin', label: 'Administration' });
  }
  return (
    <header className="border-b border-line bg-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-3 sm:px-6">
        <Link href={user ? '/home' : '/'} className="flex items-center gap-2 font-semibold text-brand-700">
          <span aria-hidden className="grid h-8 w-9 place-items-center rounded-lg bg-brand-700 text-xs text-white">
            T&amp;C
          </span>
          <span className="sr-only sm:not-sr-only">Triage &amp; Consult</span>
        </Link>
        {user ? (
          <>
            <nav aria-label="Main" className="hidden flex-1 md:block">
              <ul className="flex gap-1">
                {links.map((l) => (
                  <li key={l.href}>
                    <Link href={l.href} className="rounded-md px-3 py-2 text-sm font-medium text-ink hover:bg-brand-50">
                      {l.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="flex items-center gap-2">
              <p className="text-right text-sm leading-tight" data-testid="signed-in-as">
                <span className="block max-w-[11rem] truncate font-medium sm:max-w-xs">{user.name ?? user.email}</span>
                <span className="block text-muted">{roleLabel(user.roles)}</span>
              </p>
              <form action={signOut} className="hidden md:block">
                <button type="submit" className="rounded-md border border-line px-3 py-2 text-sm font-medium hover:bg-brand-50">
                  Sign out
                </button>
              </form>
              <MobileNav links={links} signOut={signOut} />
            </div>
            <SessionTimeout signOut={signOutForInactivity} idleMinutes={env().SESSION_IDLE_MINUTES} awake={hasRole(user, 'clinician') ? await upcomingConsultWindows(user.id) : []} />
          </>
        ) : (
          <Link href="/signin" className="rounded-md bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800">
            Sign in
          </Link>
        )}
      </div>
    </header>
  );
}
