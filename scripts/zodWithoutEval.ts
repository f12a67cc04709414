import type { Plugin } from 'vite';

// zod 4 keeps two uses of the Function constructor even when `z.config({ jitless: true })` (see
// extension/lib/zodConfig.ts) means neither ever runs: the `allowsEval` probe and `Doc.compile`,
// the object-parser compiler. The stores' validator reads the bundle, not the runtime, and flags
// both as eval (DANGEROUS_EVAL). The extension's builds replace them with code that cannot eval;
// the server keeps zod as published. The build fails if zod's code changed shape, so an update
// cannot bring the eval back silently.
const REWRITES: { file: RegExp; from: RegExp; to: string }[] = [
  {
    file: /zod\/v4\/core\/util\.js$/,
    from: /try\s*\{\s*const F = Function;\s*new F\(""\);\s*return true;\s*\}\s*catch\s*\(_\)\s*\{\s*return false;\s*\}/,
    to: 'return false;',
  },
  {
    file: /zod\/v4\/core\/doc\.js$/,
    from: /compile\(\)\s*\{\s*const F = Function;[\s\S]*?return factory\(\.\.\.Object\.values\(this\.closed\)\);\s*\}/,
    to: 'compile() {\n        throw new Error("zod code generation is off in Relance (jitless)");\n    }',
  },
];

export function zodWithoutEval(): Plugin {
  return {
    name: 'relance-zod-without-eval',
    enforce: 'pre',
    transform(code, id) {
      const rewrite = REWRITES.find((r) => r.file.test(id.split('?')[0] ?? id));
      if (!rewrite) return null;
      if (!rewrite.from.test(code)) {
        this.error(
          `zodWithoutEval: ${id} no longer has the expected Function use; update scripts/zodWithoutEval.ts`,
        );
      }
      return { code: code.replace(rewrite.from, rewrite.to), map: null };
    },
  };
}
