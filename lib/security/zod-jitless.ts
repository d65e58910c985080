import { z } from "zod";

/**
 * Zod, in the browser, without `new Function`. Zod 4 compiles object parsers with `new Function`
 * when it may, and probes whether it may by calling it once: under our CSP (no 'unsafe-eval')
 * the browser reports that probe as a violation even though zod catches the refusal. The forms'
 * schemas, loaded on the phone by the form kit, import this module first (before any schema is
 * built: zod reads the setting when a schema is made). The server keeps zod's fast path.
 */
if (typeof window !== "undefined") z.config({ jitless: true });
