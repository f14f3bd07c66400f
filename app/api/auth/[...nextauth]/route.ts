import { handlers } from '@/lib/auth/config';
import { answerAdapterOutages } from '@/lib/auth/session-lookup';
import { withDatabaseErrors } from '@/lib/http';

// A database outage answers 503 (or, for a browser following a magic link, the "try again shortly" page), never the
// signed-out or "Configuration" answers Auth.js gives for any adapter error.
export const GET = withDatabaseErrors(answerAdapterOutages(handlers.GET));
export const POST = withDatabaseErrors(answerAdapterOutages(handlers.POST));
