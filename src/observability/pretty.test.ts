// Pretty mode: readable text for a terminal, not JSON.
import { describe, expect, it } from 'vitest';
import { createLogger } from './create-logger.js';

describe('pretty output', () => {
  it('prints time, level, module and message on a line, fields below, and is not JSON', async () => {
    const lines: string[] = [];
    const log = createLogger({ destination: { write: (text: string) => lines.push(text) }, pretty: true });
    log.module('venue.bybit').child({ correlationId: 'c-7' }).warn('order rejected', { retCode: 110007 });
    log.error('crashed', { err: new Error('boom') });
    await log.close();
    const text = lines.join('');
    expect(() => JSON.parse(lines[0]!) as unknown).toThrow();
    expect(text).toMatch(/^\[\d{2}:\d{2}:\d{2}\.\d{3}\] WARN: venue\.bybit \| order rejected\n/);
    expect(text).toContain('correlationId: "c-7"');
    expect(text).toContain('retCode: 110007');
    expect(text).toContain('ERROR: crashed');
    expect(text).toContain('Error: boom');
    // Colours only when writing to a real terminal.
    expect(text).not.toContain('\u001b[');
  });

  it('is JSON when pretty is off and the destination is not a terminal', () => {
    const lines: string[] = [];
    createLogger({ destination: { write: (text: string) => lines.push(text) } }).info('plain');
    expect(JSON.parse(lines[0]!)).toMatchObject({ msg: 'plain' });
  });
});
