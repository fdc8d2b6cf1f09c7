// The last line of defence: known secret strings are cut out of every serialised line, wherever they hide.

export const REDACTED = '[redacted]';

/**
 * Replaces each registered value in a line, in the forms a JSON line or a URL may carry it
 * (raw, JSON-escaped, URI-encoded), so a secret inside an error message, a nested object or a
 * concatenated string is caught as surely as one in a named field.
 */
export class SecretScrubber {
  readonly #values = new Set<string>();
  #pattern: RegExp | undefined;

  /** Empty strings are ignored (they would match everywhere); anything else is scrubbed, however short. */
  add(value: string): void {
    if (typeof value !== 'string' || value === '') return;
    const before = this.#values.size;
    for (const form of [value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value)]) this.#values.add(form);
    if (this.#values.size !== before) this.#pattern = buildPattern(this.#values);
  }

  get size(): number {
    return this.#values.size;
  }

  scrub(line: string): string {
    return this.#pattern === undefined ? line : line.replace(this.#pattern, REDACTED);
  }
}

// Longest first, so a secret that contains another is replaced whole.
function buildPattern(values: ReadonlySet<string>): RegExp {
  const alternatives = [...values].sort((a, b) => b.length - a.length).map((value) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(alternatives.join('|'), 'g');
}
