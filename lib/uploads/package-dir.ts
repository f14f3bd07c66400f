import 'server-only';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * A package's folder in node_modules, resolved at run time from the app's folder. Not `createRequire(import.meta.url)
 * .resolve('pkg/…')` with a literal: Turbopack rewrites that into a module id (a number) and the route fails with
 * "The path argument must be of type string" when Next collects page data.
 */
export function packageDir(name: string): string {
  const require = createRequire(path.join(/*turbopackIgnore: true*/ process.cwd(), 'package.json'));
  return path.dirname(require.resolve(`${name}/package.json`));
}
