import Link from 'next/link';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';

const STEPS = [
  { title: 'Tell your story once', body: 'Where it hurts on a body map, how it started, what makes it worse, your training and your goals — in your own words.' },
  { title: 'Understand your MRI', body: 'Paste the report: each finding is highlighted with a plain-language note and how common it is in people without pain.' },
  { title: 'The right help, in the right order', body: 'Safety questions come right after your name and phone number: an emergency answer reaches our on-call team at once. A rehab clinician reviews your case and replies with advice, a video consult or a referral.' },
];

export default function LandingPage() {
  return (
    <div className="space-y-10">
      <section className="rounded-2xl bg-brand-700 px-6 py-10 text-white sm:px-10 sm:py-14">
        <h1 className="max-w-2xl text-3xl font-semibold tracking-tight sm:text-4xl">Back to training, with a plan you understand.</h1>
        <p className="mt-4 max-w-2xl text-lg text-brand-50">
          Triage &amp; Consult is the private front door to a rehab team for strength athletes. No more long forum threads: one
          structured story, a clinician who reads it, and a video consult when you need one.
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          <ButtonLink href="/signin" variant="secondary">
            Start or continue your intake
          </ButtonLink>
        </div>
      </section>
      <section aria-labelledby="how" className="space-y-4">
        <h2 id="how" className="text-xl font-semibold">
          How it works
        </h2>
        <ol className="grid gap-4 md:grid-cols-3">
          {STEPS.map((s, i) => (
            <li key={s.title}>
              <Card className="h-full">
                <p className="text-sm font-semibold text-brand-700">Step {i + 1}</p>
                <h3 className="mt-1 font-semibold">{s.title}</h3>
                <p className="mt-2 text-muted">{s.body}</p>
              </Card>
            </li>
          ))}
        </ol>
      </section>
      <p className="rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
        <strong>Not for emergencies.</strong> If you have new numbness around the groin or buttocks, new trouble passing urine, worsening
        weakness in your legs, or chest pain with breathlessness, call your local emergency number now.
      </p>
      <p className="text-sm text-muted">
        Rehab team member? <Link href="/signin" className="font-medium text-brand-700 underline">Sign in</Link> to work the triage queue.
      </p>
    </div>
  );
}
