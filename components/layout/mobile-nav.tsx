'use client';
import Link from 'next/link';
import { useState } from 'react';

/** The main navigation on phones: a disclosure button that reveals the links and sign-out. */
export function MobileNav({ links, signOut }: { links: { href: string; label: string }[]; signOut: () => Promise<void> }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="md:hidden">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="mobile-menu"
        onClick={() => setOpen((o) => !o)}
        className="rounded-md border border-line px-3 py-2 text-sm font-medium"
      >
        Menu
      </button>
      {open && (
        <nav id="mobile-menu" aria-label="Main" className="absolute left-0 right-0 top-14 z-30 border-b border-line bg-white px-4 py-3 shadow">
          <ul className="space-y-1">
            {links.map((l) => (
              <li key={l.href}>
                <Link href={l.href} onClick={() => setOpen(false)} className="block rounded-md px-3 py-2 font-medium hover:bg-brand-50">
                  {l.label}
                </Link>
              </li>
            ))}
            <li>
              <form action={signOut}>
                <button type="submit" className="w-full rounded-md px-3 py-2 text-left font-medium hover:bg-brand-50">
                  Sign out
                </button>
              </form>
            </li>
          </ul>
        </nav>
      )}
    </div>
  );
}
