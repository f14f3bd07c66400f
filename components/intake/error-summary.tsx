'use client';

import { forwardRef } from 'react';
import { groupSummaryErrors } from '@/lib/cases/group-errors';

export type { SummaryError } from '@/lib/cases/group-errors';
import type { SummaryError } from '@/lib/cases/group-errors';
import { fieldId } from '@/components/ui/field';

/** "There is a problem" box at the top of a step: one link per problem, each moving focus to its (first) field. */
export const ErrorSummary = forwardRef<HTMLDivElement, { errors: SummaryError[]; onPick: (path: string) => void; title?: string }>(
  function ErrorSummary({ errors, onPick, title = 'There is a problem' }, ref) {
    if (errors.length === 0) return null;
    const grouped = groupSummaryErrors(errors);
    return (
      <div ref={ref} role="alert" aria-labelledby="error-summary-title" tabIndex={-1} className="rounded-xl border-2 border-red-700 bg-white p-4">
        <h2 id="error-summary-title" className="text-lg font-semibold text-red-800">
          {title}
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {grouped.map((e) => (
            <li key={e.path}>
              <a
                href={`#${fieldId(e.path)}`}
                className="font-medium text-red-800 underline underline-offset-2"
                onClick={(ev) => {
                  ev.preventDefault();
                  onPick(e.path);
                }}
              >
                {e.message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    );
  },
);
