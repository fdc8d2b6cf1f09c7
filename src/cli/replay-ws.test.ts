import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { zipSync, strToU8 } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { describeWithData } from '../data/test-support/shared-data.js';
import { replayWsFile } from '../runtime/replay-ws.js';
import { referenceText } from '../venues/bybit/test-support/reference.js';
import { run } from './program.js';

const dir = mkdtempSync(join(tmpdir(), 'bybot-replay-ws-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function bybot(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err, lines: out.map((l) => JSON.parse(l) as Record<string, any>) };
}

/** A reference payload on one line. */
const oneLine = (name: string) => JSON.stringify(JSON.parse(referenceText(name)));

describeWithData('bybit-ws/xrpusdt-ob500.data.zip', 'bybot replay-ws on the real XRPUSDT order book archive', (archive) => {
  it('prints every message with the book top after it; the book stays consistent and continuous', async () => {
    const result = await bybot('replay-ws', archive);
    expect(result.code).toBe(0);
    expect(result.err).toEqual([]);
    const books = result.lines.filter((l) => l.type === 'book');
    expect(books).toHaveLength(50);
    expect(books[0]!.message.kind).toBe('snapshot');
    books.forEach((line, i) => {
      expect(line.line).toBe(i + 1);
      expect(line.book.status).toBe('applied');
      expect(line.book.bestBid).toBeLessThan(line.book.bestAsk);
      if (i > 0) expect(line.message.updateId).toBe(books[i - 1]!.message.updateId + 1);
    });
    const summary = result.lines.at(-1)!;
    expect(summary).toMatchObject({ type: 'summary', lines: 50, malformed: 0, events: { book: 50 }, unhandled: {} });
    expect(summary.books).toEqual([{ topic: 'orderbook.500.XRPUSDT', snapshots: 1, deltas: 49, gaps: 0, skipped: 0, crossed: 0, bidLevels: 500, askLevels: 500, bestBid: 1.9537, bestAsk: 1.9538, lastUpdateId: 20254918 }]);
  });

  it('keeps every level of the local book positive and sorted after each message', () => {
    let checked = 0;
    replayWsFile(archive, { event: () => {}, issue: (issue) => expect.fail(issue.message) }, {
      onBook: (_topic, book) => {
        for (const side of ['bid', 'ask'] as const) {
          const levels = book.levels(side);
          expect(levels.every(([price, size]) => price > 0 && size > 0)).toBe(true);
          expect(levels.every(([price], i) => i === 0 || (side === 'bid' ? price < levels[i - 1]![0] : price > levels[i - 1]![0]))).toBe(true);
        }
        checked++;
      },
    });
    expect(checked).toBe(50);
  });

  it('--summary prints the counts alone', async () => {
    const result = await bybot('replay-ws', archive, '--summary');
    expect(result.code).toBe(0);
    expect(result.lines).toHaveLength(1);
    expect(result.lines[0]).toMatchObject({ type: 'summary', events: { book: 50 } });
  });
});

describe('bybot replay-ws on a mixed capture', () => {
  const delta = JSON.parse(referenceText('ws-orderbook-delta'));
  const snapshot = { ...delta, type: 'snapshot', data: { ...delta.data, b: [['30240.00', '2']], a: [['30250.00', '1']], u: 10 } };
  const next = { ...delta, data: { ...delta.data, b: [['30241.00', '1']], a: [], u: 11 } };
  const skipped = { ...delta, data: { ...delta.data, b: [], a: [['30249.00', '3']], u: 13 } };
  const capture = [
    `1687940967000 ${JSON.stringify(snapshot)}`,
    `1687940967100 ${JSON.stringify(next)}`,
    oneLine('ws-public-trade'),
    '',
    '{"topic":"publicTrade.BTCUSDT","type":"snapshot","ts":1,"data":[{"T":1,"s":"BTCUSDT","S":"Buy","v":"abc","p":"1","i":"x"}]}',
    oneLine('ws-order'),
    oneLine('ws-execution'),
    oneLine('ws-liquidation-deprecated'),
    JSON.stringify(skipped),
    oneLine('ws-pong-private'),
  ].join('\r\n');

  it('prints public and private events in order, reports bad lines and gaps by line number, counts unknown topics', async () => {
    const file = join(dir, 'capture.jsonl.gz');
    writeFileSync(file, gzipSync(capture));
    const result = await bybot('replay-ws', file);
    expect(result.code).toBe(1);
    expect(result.lines.map((l) => [l.line, l.type])).toEqual([
      [1, 'book'], [2, 'book'], [3, 'trade'], [6, 'orderUpdated'], [7, 'fill'], [8, 'unhandled'], [9, 'book'], [10, 'control'], [undefined, 'summary'],
    ]);
    expect(result.lines[0]).toMatchObject({ receivedAt: 1687940967000, message: { kind: 'snapshot', updateId: 10 }, book: { status: 'applied', bestBid: 30240, bestAsk: 30250 } });
    expect(result.lines[1]).toMatchObject({ book: { status: 'applied', bestBid: 30241, bestAsk: 30250 } });
    expect(result.lines[6]).toMatchObject({ message: { updateId: 13 }, book: { status: 'gap', bestBid: null, bestAsk: null } });
    expect(result.err).toEqual([
      `${file}:5: publicTrade.BTCUSDT: data[0].v must be a non-negative decimal string, got "abc"`,
      `${file}:9: orderbook.50.BTCUSDT: gap, expected u 12 but got 13; book dropped until the next snapshot`,
    ]);
    expect(result.lines.at(-1)).toMatchObject({ lines: 9, malformed: 1, events: { book: 3, trade: 1, orderUpdated: 1, fill: 1, unhandled: 1, control: 1 }, unhandled: { 'liquidation.BTCUSDT': 1 }, books: [{ gaps: 1, snapshots: 1, deltas: 1 }] });
  });

  it('reads a one-file zip the same way', async () => {
    const file = join(dir, 'capture.zip');
    writeFileSync(file, zipSync({ 'capture.jsonl': strToU8(oneLine('ws-kline')) }));
    const result = await bybot('replay-ws', file, '--summary');
    expect(result.code).toBe(0);
    expect(result.lines).toEqual([expect.objectContaining({ file: `${file}!/capture.jsonl`, events: { candle: 1 } })]);
  });

  it('exits 2 with a clear message for a missing file', async () => {
    const result = await bybot('replay-ws', join(dir, 'missing.jsonl'));
    expect(result.code).toBe(2);
    expect(result.err.join('\n')).toContain(`bybot: ${join(dir, 'missing.jsonl')}: cannot read missing.jsonl (ENOENT`);
  });
});
