// `bybot strategies` and `bybot strategies report`: what each strategy takes, and every strategy backtested on every real span, as a generated table.
import { readdirSync } from 'node:fs';
import { z } from 'zod';
import { InputError, describeValue } from '../core/errors.js';
import { writeTextAtomic } from '../core/atomic-write.js';
import { hintsFromName } from '../data/loaders/file-name.js';
import type { BacktestResult } from '../backtest/result.js';
import { findStrategy, strategyNames } from '../strategy/registry.js';
import { backtestFromRequest } from './backtest.js';
import type { DataContext } from './data-files.js';

export interface ParameterInfo {
  readonly name: string;
  readonly type: string;
  readonly default: unknown;
  readonly min?: number;
  readonly max?: number;
  readonly values?: readonly unknown[];
}

export interface StrategyInfo {
  readonly name: string;
  readonly description: string;
  readonly params: readonly ParameterInfo[];
}

/** Every registered strategy with its parameters, read from the zod schemas (defaults and ranges). */
export function describeStrategies(): StrategyInfo[] {
  return strategyNames().map((name) => {
    const definition = findStrategy(name);
    const schema = z.toJSONSchema(definition.params, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, Record<string, unknown>> };
    const params = Object.entries(schema.properties ?? {}).map(([key, p]): ParameterInfo => ({
      name: key,
      type: Array.isArray(p.enum) ? 'enum' : String(p.type ?? 'any'),
      default: p.default,
      ...(typeof p.minimum === 'number' ? { min: p.minimum } : {}),
      ...(typeof p.maximum === 'number' ? { max: p.maximum } : {}),
      ...(Array.isArray(p.enum) ? { values: p.enum } : {}),
    }));
    return { name, description: definition.description, params };
  });
}

export interface ReportRequest {
  /** The folder of real history (../shared/data/candles). */
  readonly data: string;
  readonly out: string;
  readonly strategies?: readonly string[];
  readonly symbols?: readonly string[];
  readonly timeframe?: '5m';
  readonly slippage?: string;
  /** Through the risk engine (default) or bare. */
  readonly risk?: boolean;
  readonly onRun?: (label: string, done: number, total: number) => void;
}

export interface ReportRow {
  readonly strategy: string;
  readonly symbol: string;
  readonly span: string;
  readonly result: BacktestResult;
}

interface Span {
  readonly symbol: string;
  readonly from: number;
  readonly to: number;
  readonly label: string;
}

/** The Bybit 5m spans in the folder, by symbol, from their file names (`bybit-linear_SOLUSDT_5m_2025-09-24_2026-03-31.csv`). */
function spansIn(folder: string, symbols: readonly string[], timeframe: string): Span[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    throw new InputError(`--data: ${describeValue(folder)} is not a readable folder`);
  }
  const spans: Span[] = [];
  for (const name of names.sort()) {
    const hints = hintsFromName(name);
    const dates = /_(\d{4}-\d{2}-\d{2})_(\d{4}-\d{2}-\d{2})\./.exec(name);
    if (hints.venue !== 'bybit-linear' || hints.timeframe !== timeframe || hints.funding || !hints.symbol || !symbols.includes(hints.symbol) || !dates) continue;
    spans.push({ symbol: hints.symbol, from: Date.parse(`${dates[1]}T00:00:00Z`), to: Date.parse(`${dates[2]}T23:59:59.999Z`), label: `${dates[1]} → ${dates[2]}` });
  }
  if (spans.length === 0) throw new InputError(`--data: no bybit-linear ${timeframe} files of ${symbols.join(', ')} in ${folder}`);
  return spans;
}

/** Backtests each strategy on each span (fees, slippage and funding on) and writes the markdown table to `out`. */
export function strategyReport(ctx: DataContext, request: ReportRequest): ReportRow[] {
  const strategies = request.strategies ?? strategyNames();
  for (const name of strategies) findStrategy(name);
  const timeframe = request.timeframe ?? '5m';
  const spans = spansIn(request.data, request.symbols ?? ['SOLUSDT', 'ETHUSDT', 'BTCUSDT'], timeframe);
  const rows: ReportRow[] = [];
  const total = strategies.length * spans.length;
  for (const strategy of strategies) {
    for (const span of spans) {
      request.onRun?.(`${strategy} ${span.symbol} ${span.label}`, rows.length, total);
      const result = backtestFromRequest(ctx, {
        strategy,
        symbol: span.symbol,
        timeframe,
        data: request.data,
        from: span.from,
        to: span.to,
        slippage: request.slippage ?? '2bps',
        initialEquity: 10_000,
        leverage: 3,
        risk: request.risk ?? true,
      });
      rows.push({ strategy, symbol: span.symbol, span: span.label, result });
    }
  }
  request.onRun?.('done', total, total);
  writeTextAtomic(request.out, renderReport(rows, request.slippage ?? '2bps'));
  return rows;
}

const num = (v: number, digits = 2): string => (Number.isFinite(v) ? v.toFixed(digits) : v > 0 ? '∞' : '−∞');

/** The table as markdown; generated, never typed by hand. */
export function renderReport(rows: readonly ReportRow[], slippage: string): string {
  const lines = [
    '# Strategy results on real Bybit history',
    '',
    '<!-- Generated by `bybot strategies report`; do not edit by hand. -->',
    '',
    `Every registered strategy with its default parameters on every Bybit USDT-perpetual 5m span in the data folder: 10,000 USDT, leverage 3, Bybit fees (taker 0.055 %, maker 0.02 %), slippage ${slippage}, funding from the files beside the candles, every entry sized and checked and every position managed by the risk engine (default settings: 1 % risk per trade, protections and exit rules on). No 1m detail overlaps these spans, so stops and targets inside a candle follow the adaptive OHLC rule. Net is after all costs; a losing strategy is shown as losing.`,
    '',
    '| strategy | symbol | span | trades | trades/day | win rate | profit factor | Sharpe | max drawdown | net | buy & hold |',
    '|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const { strategy, symbol, span, result } of rows) {
    const m = result.metrics;
    lines.push(`| ${strategy} | ${symbol} | ${span} | ${m.trades} | ${num(m.tradesPerDay)} | ${num(m.winRate)} % | ${num(m.profitFactor)} | ${num(m.sharpe)} | ${num(m.maxDrawdownPct)} % | ${num(m.netProfitPct)} % | ${num(m.buyAndHoldPct)} % |`);
  }
  return `${lines.join('\n')}\n`;
}
