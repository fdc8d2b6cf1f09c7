// Storage figures of `npm run bench`: durable event writes (each awaited, as the bot does), batched writes and a fill's transaction, on SQLite and PostgreSQL — printed and saved to bench/results/storage.json.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { NewEvent, StoreWrite } from '../src/ports/store.js';
import { openStore, type KyselyStore, type StoreConfig } from '../src/storage/index.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Each figure runs this long (after a short warm-up). */
const SECONDS = 3;
const BATCH = 100;
const T0 = Date.UTC(2025, 4, 1);

interface Figure {
  readonly name: string;
  readonly dialect: string;
  /** Awaited calls (each one committed transaction). */
  readonly commits: number;
  readonly events: number;
  /** Events (or, for the fill figure, fills) committed per second. */
  readonly rate: number;
  /** Time per awaited call, ms. */
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

/** An orderFilled-like payload of about 400 bytes of JSON. */
const event = (i: number): NewEvent => ({
  time: T0 + i,
  type: 'orderFilled',
  correlationId: `sig-${i >> 4}`,
  payload: { clientId: `bybot-${i}`, orderId: `9f1c-${i}`, symbol: 'SOLUSDT', side: i % 2 ? 'buy' : 'sell', price: 150.25 + (i % 100) / 100, qty: 1.5, fee: 0.0413, maker: true, status: 'PartiallyFilled', filledQty: 0.5, avgFillPrice: 150.25, time: T0 + i },
});

function fillWrites(i: number): StoreWrite[] {
  const clientId = `bybot-${i}`;
  return [
    { kind: 'fill', fill: { execId: `exec-${i}`, orderId: `9f1c-${i}`, clientId, symbol: 'SOLUSDT', side: 'buy', price: 150.25, qty: 1.5, fee: 0.0413, maker: true, time: T0 + i } },
    { kind: 'order', order: { clientId, symbol: 'SOLUSDT', side: 'buy', type: 'limit', qty: 1.5, price: 150.25, orderId: `9f1c-${i}`, status: 'Filled', filledQty: 1.5, avgFillPrice: 150.25, createdTime: T0 + i, updatedTime: T0 + i } },
    { kind: 'event', event: event(i) },
  ];
}

/** Calls `step(i)` (awaited) for SECONDS, timing each call; `perCall` units (events or fills) per call. */
async function measure(name: string, dialect: string, perCall: number, step: (i: number) => Promise<unknown>, offset: number): Promise<Figure> {
  for (let i = 0; i < 20; i++) await step(offset + i);
  const samples: number[] = [];
  const start = performance.now();
  let i = 20;
  while (performance.now() - start < SECONDS * 1000) {
    const t = performance.now();
    await step(offset + i++);
    samples.push(performance.now() - t);
  }
  const elapsed = (performance.now() - start) / 1000;
  samples.sort((a, b) => a - b);
  const at = (q: number) => Number(samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!.toFixed(3));
  return { name, dialect, commits: samples.length, events: samples.length * perCall, rate: Math.round((samples.length * perCall) / elapsed), p50Ms: at(0.5), p99Ms: at(0.99), maxMs: at(1) };
}

async function figuresFor(dialect: string, store: KyselyStore): Promise<Figure[]> {
  const single = await measure('appendEvent, each awaited (one durable commit per event)', dialect, 1, (i) => store.appendEvent(event(i)), 0);
  const batched = await measure(`write() of ${BATCH} events (one durable commit per batch)`, dialect, BATCH, (i) => store.write(Array.from({ length: BATCH }, (_, k) => ({ kind: 'event' as const, event: event(i * BATCH + k) }))), 1e7);
  const fills = await measure('write() of fill + order upsert + event (one transaction per fill)', dialect, 1, (i) => store.write(fillWrites(i)), 2e7);
  return [single, batched, fills];
}

/** The disk's own cost: median µs of a 4 KiB write + fsync in `dir`, the floor under every durable commit. */
function fsyncMedianUs(dir: string): number {
  const fd = openSync(join(dir, 'fsync-probe'), 'w');
  const page = Buffer.alloc(4096, 1);
  const samples: number[] = [];
  try {
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      writeSync(fd, page, 0, page.length, (i % 16) * page.length);
      fsyncSync(fd);
      samples.push((performance.now() - t) * 1000);
    }
  } finally {
    closeSync(fd);
  }
  return Math.round(samples.sort((a, b) => a - b)[100]!);
}

async function probePostgres(): Promise<string | undefined> {
  const urls = process.env['BYBOT_BENCH_PG_URL'] ? [process.env['BYBOT_BENCH_PG_URL']] : ['postgres://postgres@127.0.0.1:5432/test', 'postgres://127.0.0.1:5432/test'];
  for (const url of urls) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      return url;
    } catch {
      // try the next
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  return undefined;
}

async function run(config: StoreConfig, dialect: string): Promise<Figure[]> {
  const store = await openStore(config);
  try {
    return await figuresFor(dialect, store);
  } finally {
    await store.close();
  }
}

const results: Figure[] = [];
const dir = mkdtempSync(join(tmpdir(), 'bybot-bench-storage-'));
const fsyncUs = fsyncMedianUs(dir);
try {
  results.push(...(await run({ kind: 'sqlite', file: join(dir, 'bench.sqlite') }, 'sqlite (WAL, synchronous=FULL)')));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const pgUrl = await probePostgres();
let pgNote = 'PostgreSQL did not answer; no PostgreSQL figures.';
if (pgUrl) {
  const schema = `bybot_bench_${randomBytes(4).toString('hex')}`;
  try {
    results.push(...(await run({ kind: 'postgres', url: pgUrl, schema }, 'postgres (synchronous_commit=on, loopback)')));
    pgNote = `PostgreSQL at ${pgUrl} over loopback TCP, a fresh schema dropped afterwards.`;
  } finally {
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    await client.query(`drop schema if exists "${schema}" cascade`);
    await client.end();
  }
} else console.warn('skipping the PostgreSQL figures: no server answered (set BYBOT_BENCH_PG_URL)');

for (const f of results) {
  console.log(`${f.dialect.padEnd(44)} ${f.name.padEnd(66)} ${f.rate.toLocaleString('en').padStart(9)}/s  p50 ${f.p50Ms.toFixed(3)} ms  p99 ${f.p99Ms.toFixed(3)} ms  max ${f.maxMs.toFixed(1)} ms`);
}
const notes =
  `Each figure runs ${SECONDS} s after 20 warm-up calls; a call resolves only after its commit is durable (SQLite: WAL fsync; PostgreSQL: WAL flush). ` +
  `SQLite in ${tmpdir()}, where a 4 KiB write + fsync takes ${fsyncUs} µs (median); better-sqlite3 is synchronous, so each commit's fsync also blocks the event loop for its p50. ${pgNote} ` +
  'Rates are bounded by fsync latency, which varies by orders of magnitude between disks (and virtual disks): compare figures from one machine only.';
console.log(notes);
const out = resolve(repoRoot, 'bench', 'results', 'storage.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model, cores: cpus().length, fsyncMedianUs: fsyncUs, notes, figures: results }, null, 2)}\n`);
