import { z } from 'zod';

/**
 * In the browser zod 4 probes `new Function('')` to decide whether to compile its parsers; under our CSP (no
 * 'unsafe-eval') the probe is refused and reported as a CSP violation even though zod catches it. jitless skips the
 * probe and the compiled parsers. Imported first by every validation module a client component uses; the server
 * (no CSP on its own code) keeps the compiled parsers.
 */
if (typeof window !== 'undefined') z.config({ jitless: true });
