/**
 * Lets a script outside Next.js import the use cases, as the Vitest config does for the tests:
 * `server-only` (the first import of every use case, which throws outside Next's server bundle)
 * resolves to an empty module. Nothing else changes: unlike `--conditions=react-server`, React and
 * next-intl keep their ordinary builds (the PDF wording goes through next-intl's createTranslator,
 * whose react-server build cannot load outside Next).
 *
 *   tsx --import ./scripts/support/server-only-off.mjs bench/invoice-run.ts
 */
import { register } from "node:module";

const hooks = `export async function resolve(specifier, context, next) {
  return specifier === "server-only" ? { url: "data:text/javascript,export {};", shortCircuit: true } : next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
