/** The browser script of the respondent form, bundled once per server start from web/client (esbuild). */
import path from 'node:path';
import { build } from 'esbuild';
import type { Plugin } from 'esbuild';

/** Replaces zod's locale catalogue (z.locales, unused here) with an empty module; zod keeps its English default. */
const withoutZodLocales: Plugin = {
  name: 'without-zod-locales',
  setup(context) {
    context.onResolve({ filter: /locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${path.sep}zod${path.sep}`)
        ? { path: path.join(__dirname, 'client', 'no-zod-locales.ts') }
        : undefined,
    );
  },
};

let bundled: Promise<string> | undefined;

export function respondentFormScript(): Promise<string> {
  bundled ??= build({
    entryPoints: [path.join(__dirname, 'client', 'respondent-form.ts')],
    bundle: true,
    write: false,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    legalComments: 'none',
    plugins: [withoutZodLocales],
  }).then((result) => result.outputFiles[0]!.text);
  return bundled;
}
