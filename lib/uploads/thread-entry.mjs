// The reading thread's entry (lib/uploads/read-thread.ts starts it): a plain .mjs so that Node loads it the same way
// under `next start` (where Turbopack never sees it) and under tsx (`npm run worker`, vitest). It lets tsx compile the
// TypeScript it imports (the `@/` paths come from tsconfig.json), then runs the reading loop.
import { register } from 'tsx/esm/api';

register();
await import('./read-thread-main.ts');
