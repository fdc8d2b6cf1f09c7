// The series the report's charts draw, thinned for long runs: OHLC buckets for the price, min/max buckets for equity and drawdown.
import type { ClosedTrade, EquityCurve, TradeSide } from '../metrics/index.js';
import type { BacktestResult, PriceSeries } from '../result.js';
import { decimalsOf } from './format.js';

/**
 * At most this many candles reach the price chart. Longer runs are merged into buckets of k consecutive
 * candles (open of the first, high/low over all, close of the last), so the chart stays fast and the file
 * small while no wick is lost. A year of 5m candles (105,120) becomes 17,520 bars of 30 min.
 */
export const MAX_CHART_CANDLES = 20_000;

/** At most this many points per line (equity, drawdown): each bucket keeps its lowest and highest point. */
export const MAX_LINE_POINTS = 20_000;

/** Chart times are UTC seconds (lightweight-charts' UTCTimestamp). */
export interface ChartCandles {
  readonly time: number[];
  readonly open: number[];
  readonly high: number[];
  readonly low: number[];
  readonly close: number[];
}

export interface ChartLine {
  readonly time: number[];
  readonly value: number[];
}

/** An entry or exit, at the bar (of the possibly thinned series) that contains it, at its fill price. */
export interface ChartMarker {
  readonly time: number;
  readonly price: number;
  readonly kind: 'entry' | 'exit';
  readonly side: TradeSide;
  /** Index into the result's trades. */
  readonly trade: number;
}

export interface ChartData {
  readonly candles: ChartCandles;
  /** Source candles per chart bar (1 when not thinned). */
  readonly candlesPerBar: number;
  readonly sourceCandles: number;
  readonly equity: ChartLine;
  /** Percent below the running peak (≤ 0), the peak starting at the initial equity. */
  readonly drawdown: ChartLine;
  readonly sourceEquityPoints: number;
  readonly markers: ChartMarker[];
  readonly priceDecimals: number;
  readonly initialEquity: number;
}

const seconds = (ms: number): number => Math.floor(ms / 1000);
const round = (value: number, decimals: number): number => Number(value.toFixed(decimals));

export function buildChartData(result: BacktestResult, maxCandles = MAX_CHART_CANDLES, maxPoints = MAX_LINE_POINTS): ChartData {
  const { candles, perBar } = thinCandles(result.prices, maxCandles);
  const equityLine = equityAndDrawdown(result.equity, result.settings.initialEquity);
  return {
    candles,
    candlesPerBar: perBar,
    sourceCandles: result.prices.time.length,
    equity: thinLine(equityLine.equity, maxPoints),
    drawdown: thinLine(equityLine.drawdown, maxPoints),
    sourceEquityPoints: result.equity.equity.length,
    markers: tradeMarkers(result.trades, candles.time),
    priceDecimals: Math.min(8, decimalsOf(result.prices.close)),
    initialEquity: result.settings.initialEquity,
  };
}

/** Buckets of `perBar` consecutive candles; rows with a non-finite value or a time not after the last one are dropped. */
export function thinCandles(prices: PriceSeries, max: number): { candles: ChartCandles; perBar: number } {
  const n = prices.time.length;
  const perBar = Math.max(1, Math.ceil(n / Math.max(1, max)));
  const out: ChartCandles = { time: [], open: [], high: [], low: [], close: [] };
  for (let start = 0; start < n; start += perBar) {
    let open = NaN;
    let high = -Infinity;
    let low = Infinity;
    let close = NaN;
    let time = NaN;
    for (let i = start; i < Math.min(n, start + perBar); i++) {
      const o = prices.open[i] ?? NaN;
      const h = prices.high[i] ?? NaN;
      const l = prices.low[i] ?? NaN;
      const c = prices.close[i] ?? NaN;
      const t = prices.time[i] ?? NaN;
      if (!(Number.isFinite(o) && Number.isFinite(h) && Number.isFinite(l) && Number.isFinite(c) && Number.isFinite(t))) continue;
      if (Number.isNaN(time)) {
        time = t;
        open = o;
      }
      high = Math.max(high, h, o, c);
      low = Math.min(low, l, o, c);
      close = c;
    }
    const t = seconds(time);
    const last = out.time[out.time.length - 1];
    if (Number.isNaN(time) || (last !== undefined && t <= last)) continue;
    out.time.push(t);
    out.open.push(open);
    out.high.push(high);
    out.low.push(low);
    out.close.push(close);
  }
  return { candles: out, perBar };
}

function equityAndDrawdown(curve: EquityCurve, initialEquity: number): { equity: ChartLine; drawdown: ChartLine } {
  const equity: ChartLine = { time: [], value: [] };
  const drawdown: ChartLine = { time: [], value: [] };
  let peak = initialEquity;
  for (let i = 0; i < curve.equity.length; i++) {
    const value = curve.equity[i] as number;
    const t = seconds(curve.time[i] as number);
    const last = equity.time[equity.time.length - 1];
    if (!Number.isFinite(value) || !Number.isFinite(t) || (last !== undefined && t <= last)) continue;
    peak = Math.max(peak, value);
    equity.time.push(t);
    equity.value.push(round(value, 4));
    drawdown.time.push(t);
    drawdown.value.push(peak > 0 ? round(Math.min(0, (value / peak - 1) * 100), 4) : 0);
  }
  return { equity, drawdown };
}

/** Keeps every point when there are at most `max`, else the lowest and highest point of each of max/2 buckets (in time order). */
export function thinLine(line: ChartLine, max: number): ChartLine {
  const n = line.time.length;
  if (n <= max) return line;
  const buckets = Math.max(1, Math.floor(max / 2));
  const size = Math.ceil(n / buckets);
  const out: ChartLine = { time: [], value: [] };
  for (let start = 0; start < n; start += size) {
    let lo = start;
    let hi = start;
    for (let i = start + 1; i < Math.min(n, start + size); i++) {
      if (line.value[i]! < line.value[lo]!) lo = i;
      if (line.value[i]! > line.value[hi]!) hi = i;
    }
    for (const i of lo === hi ? [lo] : [Math.min(lo, hi), Math.max(lo, hi)]) {
      out.time.push(line.time[i]!);
      out.value.push(line.value[i]!);
    }
  }
  return out;
}

/** Entry and exit markers on the bar containing each fill (the first / last bar when outside the series), sorted by time. */
export function tradeMarkers(trades: readonly ClosedTrade[], barTimes: readonly number[]): ChartMarker[] {
  if (barTimes.length === 0) return [];
  const markers: ChartMarker[] = [];
  trades.forEach((trade, index) => {
    markers.push({ time: barAt(barTimes, seconds(trade.entryTime)), price: trade.entryPrice, kind: 'entry', side: trade.side, trade: index });
    markers.push({ time: barAt(barTimes, seconds(trade.exitTime)), price: trade.exitPrice, kind: 'exit', side: trade.side, trade: index });
  });
  return markers.sort((a, b) => a.time - b.time || a.trade - b.trade || (a.kind === 'exit' ? 1 : -1));
}

/** The time of the last bar starting at or before `t` (binary search over ascending times). */
function barAt(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length - 1;
  if (t <= times[0]!) return times[0]!;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (times[mid]! <= t) lo = mid;
    else hi = mid - 1;
  }
  return times[lo]!;
}
