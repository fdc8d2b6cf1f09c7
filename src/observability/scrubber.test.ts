// The value scrubber: registered strings vanish from lines in every form a line may carry them.
import { describe, expect, it } from 'vitest';
import { REDACTED, SecretScrubber } from './scrubber.js';

describe('SecretScrubber', () => {
  it('leaves lines alone until something is registered, and ignores the empty string', () => {
    const scrubber = new SecretScrubber();
    scrubber.add('');
    expect(scrubber.size).toBe(0);
    expect(scrubber.scrub('{"msg":"hello"}')).toBe('{"msg":"hello"}');
  });

  it('replaces every occurrence, raw, JSON-escaped and URI-encoded', () => {
    const scrubber = new SecretScrubber();
    const secret = 'a"b\\c d/e+f';
    scrubber.add(secret);
    const line = JSON.stringify({ msg: `x ${secret} y`, nested: [secret], url: `/p?s=${encodeURIComponent(secret)}` });
    const scrubbed = scrubber.scrub(line);
    expect(scrubbed).not.toContain(JSON.stringify(secret).slice(1, -1));
    expect(scrubbed).not.toContain(encodeURIComponent(secret));
    expect(scrubbed.split(REDACTED)).toHaveLength(4);
    expect(() => JSON.parse(scrubbed) as unknown).not.toThrow();
  });

  it('treats regex characters literally and prefers the longer of overlapping secrets', () => {
    const scrubber = new SecretScrubber();
    scrubber.add('a.c');
    scrubber.add('xa.cx');
    expect(scrubber.scrub('abc a.c xa.cx')).toBe(`abc ${REDACTED} ${REDACTED}`);
  });
});
