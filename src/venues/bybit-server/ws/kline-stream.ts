// One `kline.{interval}.{symbol}` stream (§10.3): the bar holding each closed candle, grown candle by candle, confirmed by the candle that ends it.
import { amount, onGrid } from '../http/format.js';
import { bucketStart, buildBars, nextBucket, turnoverOf, type KlineBar, type KlineInterval } from '../market/kline-buckets.js';
import type { Market } from '../replay/market.js';

/**
 * The bar is kept between candles, so a month of minutes costs one step per minute rather than a
 * rebuild; it is rebuilt from the candles (as REST builds it) only when the stream missed candles,
 * e.g. while nobody listened.
 */
export class KlineStream {
  private bar: KlineBar | undefined;
  /** Index of the last candle in `bar`. */
  private last = -1;

  constructor(
    private readonly name: string,
    private readonly market: Market,
    private readonly interval: KlineInterval,
  ) {}

  /** The frame once candle `index` has closed: its bar so far, confirm = the candle ends the bar. */
  frame(index: number, now: number): string {
    const market = this.market;
    const candle = market.candles[index]!;
    const start = bucketStart(this.interval, candle.time);
    const bar = this.grow(index, start);
    const end = nextBucket(this.interval, start);
    const price = (x: number): string => onGrid(market.rules.price, x);
    const data = {
      start,
      end: end - 1,
      interval: this.interval,
      open: price(bar.open),
      close: price(bar.close),
      high: price(bar.high),
      low: price(bar.low),
      volume: onGrid(market.rules.qty, bar.volume),
      turnover: amount(bar.turnover, 4),
      confirm: candle.time + market.intervalMs >= end,
      timestamp: now,
    };
    return JSON.stringify({ topic: this.name, data: [data], ts: now, type: 'snapshot' });
  }

  private grow(index: number, start: number): KlineBar {
    const candle = this.market.candles[index]!;
    let bar = this.bar;
    if (bar !== undefined && bar.time === start && index === this.last + 1) {
      bar.close = candle.close;
      bar.high = Math.max(bar.high, candle.high);
      bar.low = Math.min(bar.low, candle.low);
      bar.volume += candle.volume;
      bar.turnover += turnoverOf(candle);
    } else {
      [bar] = buildBars(this.market.candles, this.market.firstAtOrAfter(start), index + 1, this.interval, 1, false);
    }
    this.bar = bar!;
    this.last = index;
    return bar!;
  }
}
