// The chart library inlined into every report (read once from node_modules) and the escaping that keeps inlined text inside its <script>.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The package exports only its ES modules, so the classic-script build is found beside its package.json. */
const STANDALONE = 'dist/lightweight-charts.standalone.production.js';

let cached: string | undefined;

/** lightweight-charts' standalone build (defines the global `LightweightCharts`), safe to put inside <script>. */
export function chartLibrarySource(): string {
  if (cached === undefined) {
    const packageJson = createRequire(import.meta.url).resolve('lightweight-charts/package.json');
    cached = scriptText(readFileSync(join(dirname(packageJson), STANDALONE), 'utf8'), 'lightweight-charts');
  }
  return cached;
}

/**
 * JavaScript made safe to inline: `</script` would end the element early, so it becomes `<\/script` (the
 * same text in a JS string or regex). `<!--` can switch the HTML parser into its escaped mode and has no
 * equivalent rewrite that is valid everywhere in JS, so it is refused.
 */
export function scriptText(source: string, what: string): string {
  if (/<!--/.test(source)) throw new Error(`${what}: cannot inline a script that contains "<!--"`);
  return source.replace(/<\/(script)/gi, '<\\/$1');
}

/**
 * JSON for a `<script type="application/json">` block: `<`, `>` and `&` become \u escapes (valid JSON, read
 * back unchanged by JSON.parse), so no text in the data can close the element or open a comment; U+2028 and
 * U+2029 are escaped too for old parsers.
 */
export function embedJson(value: unknown): string {
  const json = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v));
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
