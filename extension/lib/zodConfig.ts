import { z } from 'zod';

// zod compiles object parsers with `new Function` unless told not to, and probes for it once; the
// extension's CSP forbids eval, and Firefox logs each blocked probe as an error. Imported first by
// every extension page that validates (background, options).
z.config({ jitless: true });
