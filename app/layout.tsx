import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import './globals.css';
import { SiteHeader } from '@/components/layout/site-header';
import { signOutAction, signOutForInactivity } from './actions/sign-out';

export const metadata: Metadata = {
  title: { default: 'Triage & Consult', template: '%s · Triage & Consult' },
  description: 'Tell your story once, understand your MRI, and get the right help from a rehab team for strength athletes.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: its scripts carry this request's CSP nonce (proxy.ts), which a page prerendered
  // at build time could not.
  await connection();
  return (
    <html lang="en">
      <body className="font-sans antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          Skip to content
        </a>
        <SiteHeader signOut={signOutAction} signOutForInactivity={signOutForInactivity} />
        <main id="main" className="mx-auto w-full max-w-6xl px-4 py-6 sm:px-6 sm:py-8">
          {children}
        </main>
      </body>
    </html>
  );
}
