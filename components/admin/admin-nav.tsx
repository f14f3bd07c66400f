import Link from 'next/link';
import { cn } from '@/components/ui/cn';

const ITEMS = [
  { key: 'team', href: '/admin', label: 'Team' },
  { key: 'templates', href: '/admin/templates', label: 'Templates' },
  { key: 'slas', href: '/admin/slas', label: 'SLAs' },
  { key: 'consult-types', href: '/admin/consult-types', label: 'Consult types' },
  { key: 'workload', href: '/admin/workload', label: 'Workload' },
  { key: 'audit', href: '/admin/audit', label: 'Audit log' },
  { key: 'access', href: '/admin/access', label: 'Break-the-glass' },
] as const;

export type AdminSection = (typeof ITEMS)[number]['key'];

export function AdminNav({ current }: { current: AdminSection }) {
  return (
    <nav aria-label="Administration" className="mb-6">
      <ul className="flex flex-wrap gap-2">
        {ITEMS.map((i) => (
          <li key={i.key}>
            <Link
              href={i.href}
              aria-current={current === i.key ? 'page' : undefined}
              className={cn(
                'inline-flex min-h-10 items-center rounded-full border px-4 text-sm font-medium',
                current === i.key ? 'border-brand-700 bg-brand-700 text-white' : 'border-line bg-white text-ink hover:bg-brand-50',
              )}
            >
              {i.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
