// Instrument validation, Bybit row conversion, price/qty rounding policy and pre-trade order checks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDecimals, parseDecimal } from '../core/decimal.js';
import { InputError } from '../core/errors.js';
import {
  CODE_NOTIONAL_TOO_LOW,
  CODE_PARAMS_ERROR,
  createInstrument,
  instrumentFromBybit,
  InstrumentRules,
  SOLUSDT_DEFAULT,
  stopRounding,
  takeProfitRounding,
} from './instrument.js';
import type { Instrument } from './instrument.js';

// Official linear example from GET /v5/market/instruments-info (../shared/reference/bybit-v5.md §5.3), verbatim.
const BYBIT_RESPONSE = {
  retCode: 0,
  retMsg: 'OK',
  result: {
    category: 'linear',
    list: [
      {
        symbol: 'BTCUSDT',
        symbolId: 5,
        contractType: 'LinearPerpetual',
        status: 'Trading',
        baseCoin: 'BTC',
        quoteCoin: 'USDT',
        launchTime: '1585526400000',
        deliveryTime: '0',
        deliveryFeeRate: '',
        priceScale: '2',
        leverageFilter: {
          minLeverage: '1',
          maxLeverage: '100.00',
          leverageStep: '0.01',
        },
        priceFilter: {
          minPrice: '0.10',
          maxPrice: '1999999.80',
          tickSize: '0.10',
        },
        lotSizeFilter: {
          maxOrderQty: '1190.000',
          minOrderQty: '0.001',
          qtyStep: '0.001',
          postOnlyMaxOrderQty: '1190.000',
          maxMktOrderQty: '500.000',
          minNotionalValue: '5',
        },
        unifiedMarginTrade: true,
        fundingInterval: 480,
        settleCoin: 'USDT',
        copyTrading: 'both',
        upperFundingRate: '0.00375',
        lowerFundingRate: '-0.00375',
        isPreListing: false,
        preListingInfo: null,
        riskParameters: {
          priceLimitRatioX: '0.01',
          priceLimitRatioY: '0.02',
        },
        symbolType: '',
      },
    ],
    nextPageCursor: '',
  },
  retExtInfo: {},
  time: 1735809771618,
};
const BTC_ROW = BYBIT_RESPONSE.result.list[0]!;

/** A deep copy of the BTC row with one dotted path replaced (or deleted when value is undefined). */
function rowWith(path: string, value: unknown): unknown {
  const row = structuredClone(BTC_ROW) as Record<string, unknown>;
  const keys = path.split('.');
  const last = keys.pop()!;
  let target = row;
  for (const key of keys) target = target[key] as Record<string, unknown>;
  if (value === undefined) delete target[last];
  else target[last] = value;
  return row;
}

describe('createInstrument', () => {
  it('returns a frozen copy with exactly the instrument fields', () => {
    const spec = { ...SOLUSDT_DEFAULT, extra: 'dropped' } as Instrument;
    const instrument = createInstrument(spec);
    expect(Object.isFrozen(instrument)).toBe(true);
    expect(Object.isFrozen(spec)).toBe(false);
    expect(instrument).toEqual(SOLUSDT_DEFAULT);
    expect('extra' in instrument).toBe(false);
  });

  it('SOLUSDT_DEFAULT carries the agreed values', () => {
    expect(SOLUSDT_DEFAULT).toEqual({
      symbol: 'SOLUSDT',
      category: 'linear',
      baseCoin: 'SOL',
      quoteCoin: 'USDT',
      tickSize: '0.01',
      qtyStep: '0.1',
      minOrderQty: '0.1',
      maxOrderQty: '79770.1',
      maxMarketOrderQty: '15954',
      minNotional: '5',
      maxLeverage: '100',
      fundingIntervalMinutes: 480,
    });
    expect(Object.isFrozen(SOLUSDT_DEFAULT)).toBe(true);
  });

  it.each([
    ['tickSize', '0'],
    ['tickSize', '-0.01'],
    ['qtyStep', 'abc'],
    ['minOrderQty', ''],
    ['maxOrderQty', 0.1],
    ['maxMarketOrderQty', undefined],
    ['minNotional', 'NaN'],
    ['maxLeverage', '1.2.3'],
    ['fundingIntervalMinutes', 0],
    ['fundingIntervalMinutes', 7.5],
    ['fundingIntervalMinutes', '480'],
    ['symbol', ''],
    ['baseCoin', 5],
    ['quoteCoin', ' USDT'],
    ['category', 'inverse'],
  ])('rejects %s = %j, naming field and value', (name, value) => {
    const spec = { ...SOLUSDT_DEFAULT, [name]: value } as unknown as Instrument;
    expect(() => createInstrument(spec)).toThrow(InputError);
    expect(() => createInstrument(spec)).toThrow(name);
    expect(() => createInstrument(spec)).toThrow(value === undefined ? 'missing' : JSON.stringify(value));
  });

  it('rejects a minimum order above a maximum', () => {
    expect(() => createInstrument({ ...SOLUSDT_DEFAULT, minOrderQty: '20000' })).toThrow(
      'minOrderQty "20000" is above maxMarketOrderQty "15954"',
    );
  });

  it('rejects a non-object', () => {
    expect(() => createInstrument(null as unknown as Instrument)).toThrow(InputError);
  });
});

describe('instrumentFromBybit', () => {
  it('converts the official example row', () => {
    expect(instrumentFromBybit(BTC_ROW)).toEqual({
      symbol: 'BTCUSDT',
      category: 'linear',
      baseCoin: 'BTC',
      quoteCoin: 'USDT',
      tickSize: '0.10',
      qtyStep: '0.001',
      minOrderQty: '0.001',
      maxOrderQty: '1190.000',
      maxMarketOrderQty: '500.000',
      minNotional: '5',
      maxLeverage: '100.00',
      fundingIntervalMinutes: 480,
    });
    expect(Object.isFrozen(instrumentFromBybit(BTC_ROW))).toBe(true);
  });

  it('accepts fundingInterval as an integer string', () => {
    expect(instrumentFromBybit(rowWith('fundingInterval', '240')).fundingIntervalMinutes).toBe(240);
  });

  it.each([
    ['lotSizeFilter.qtyStep', undefined],
    ['lotSizeFilter.qtyStep', '0'],
    ['lotSizeFilter.maxMktOrderQty', 'abc'],
    ['lotSizeFilter.minNotionalValue', 5],
    ['priceFilter.tickSize', null],
    ['priceFilter', undefined],
    ['leverageFilter.maxLeverage', '-1'],
    ['fundingInterval', 'eight hours'],
    ['fundingInterval', undefined],
    ['baseCoin', ''],
    ['symbol', undefined],
  ])('names the path %s and the value %j', (path, value) => {
    const row = rowWith(path, value);
    expect(() => instrumentFromBybit(row)).toThrow(InputError);
    expect(() => instrumentFromBybit(row)).toThrow(path === 'priceFilter' ? 'priceFilter.tickSize' : path);
    expect(() => instrumentFromBybit(row)).toThrow(value === undefined || value === null ? 'missing' : JSON.stringify(value));
  });

  it('names the symbol when it has one', () => {
    expect(() => instrumentFromBybit(rowWith('lotSizeFilter.qtyStep', 'x'))).toThrow('BTCUSDT');
  });

  it.each([null, 'BTCUSDT', [], 42])('rejects a row that is not an object: %j', (row) => {
    expect(() => instrumentFromBybit(row)).toThrow(InputError);
  });
});

describe('InstrumentRules rounding', () => {
  const sol = new InstrumentRules(SOLUSDT_DEFAULT);
  const btc = new InstrumentRules(instrumentFromBybit(BTC_ROW));

  it('builds the grids from tick size and qty step', () => {
    expect([sol.price.step, sol.price.decimals, sol.qty.step, sol.qty.decimals]).toEqual(['0.01', 2, '0.1', 1]);
    expect([btc.price.step, btc.qty.step]).toEqual(['0.1', '0.001']);
    expect(btc.price.toString(1119375)).toBe('111937.5');
  });

  it('rounds prices and quantities in the named direction', () => {
    expect(sol.roundPrice(126.645, 'down')).toBe(126.64);
    expect(sol.roundPrice(126.645, 'halfEven')).toBe(126.64);
    expect(sol.roundPrice(126.645, 'halfUp')).toBe(126.65);
    expect(sol.roundQty(1.26, 'down')).toBe(1.2);
    expect(sol.roundQty('1.26', 'up')).toBe(1.3);
    expect(btc.roundPrice(111937.55, 'down')).toBe(111937.5);
    expect(btc.roundQty(0.0125, 'towardZero')).toBe(0.012);
  });

  it('a stop rounds away from the entry, a take-profit toward it', () => {
    expect(stopRounding('long')).toBe('down');
    expect(stopRounding('short')).toBe('up');
    expect(takeProfitRounding('long')).toBe('down');
    expect(takeProfitRounding('short')).toBe('up');
    // Long entered at 130: stop below, target above.
    expect(sol.stopPrice(125.678, 'long')).toBe(125.67);
    expect(sol.takeProfitPrice(140.678, 'long')).toBe(140.67);
    // Short entered at 130: stop above, target below.
    expect(sol.stopPrice(134.321, 'short')).toBe(134.33);
    expect(sol.takeProfitPrice(120.321, 'short')).toBe(120.33);
    // Already on the grid: unchanged.
    expect(sol.stopPrice(125.5, 'long')).toBe(125.5);
    expect(sol.stopPrice('125.50', 'short')).toBe(125.5);
  });

  it('property: a stop is never tighter and a target never farther than asked', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 99 }), (cents, extra) => {
        const text = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}${String(extra).padStart(2, '0')}`;
        const asked = Number(text);
        expect(sol.stopPrice(text, 'long')).toBeLessThanOrEqual(asked);
        expect(sol.stopPrice(text, 'short')).toBeGreaterThanOrEqual(asked);
        expect(sol.takeProfitPrice(text, 'long')).toBeLessThanOrEqual(asked);
        expect(sol.takeProfitPrice(text, 'short')).toBeGreaterThanOrEqual(asked);
      }),
    );
  });
});

describe('InstrumentRules.checkOrder', () => {
  const sol = new InstrumentRules(SOLUSDT_DEFAULT);
  const btc = new InstrumentRules(instrumentFromBybit(BTC_ROW));
  const price = (x: string) => sol.price.toSteps(x, 'halfUp');
  const qty = (x: string) => sol.qty.toSteps(x, 'halfUp');

  it('accepts an order within every limit', () => {
    expect(sol.checkOrder(price('150.00'), qty('1.0'), { market: false })).toEqual({ ok: true });
    expect(sol.checkOrder(undefined, qty('0.1'), { market: true })).toEqual({ ok: true });
    expect(sol.checkOrder(price('50'), qty('0.1'), { market: false })).toEqual({ ok: true }); // notional exactly 5
    expect(sol.checkOrder(price('1'), qty('15954'), { market: true })).toEqual({ ok: true });
    expect(sol.checkOrder(price('1'), qty('79770.1'), { market: false })).toEqual({ ok: true });
  });

  it('rejects a quantity below minOrderQty', () => {
    const btcCheck = btc.checkOrder(undefined, 0, { market: true });
    expect(btcCheck).toMatchObject({ ok: false, code: CODE_PARAMS_ERROR });
    const check = new InstrumentRules({ ...SOLUSDT_DEFAULT, minOrderQty: '1' }).checkOrder(undefined, 9, {
      market: false,
    });
    expect(check).toEqual({
      ok: false,
      code: CODE_PARAMS_ERROR,
      reason: 'Qty invalid: order qty 0.9 is below minOrderQty 1 (SOLUSDT)',
    });
  });

  it('rejects zero and negative quantities and prices', () => {
    expect(sol.checkOrder(undefined, 0, { market: true })).toMatchObject({ ok: false, code: CODE_PARAMS_ERROR });
    expect(sol.checkOrder(undefined, -5, { market: true })).toMatchObject({ ok: false, reason: expect.stringContaining('-0.5') });
    expect(sol.checkOrder(0, qty('1'), { market: false })).toMatchObject({ ok: false, reason: expect.stringContaining('Price invalid') });
    expect(sol.checkOrder(-1, qty('1'), { market: false })).toMatchObject({ ok: false, code: CODE_PARAMS_ERROR });
  });

  it('applies the market or the limit maximum', () => {
    const big = qty('15954.1');
    expect(sol.checkOrder(undefined, big, { market: true })).toEqual({
      ok: false,
      code: CODE_PARAMS_ERROR,
      reason: 'Qty invalid: order qty 15954.1 is above maxMarketOrderQty 15954 (SOLUSDT)',
    });
    expect(sol.checkOrder(price('150'), big, { market: false })).toEqual({ ok: true });
    expect(sol.checkOrder(price('150'), qty('79770.2'), { market: false })).toEqual({
      ok: false,
      code: CODE_PARAMS_ERROR,
      reason: 'Qty invalid: order qty 79770.2 is above maxOrderQty 79770.1 (SOLUSDT)',
    });
  });

  it('rejects a notional below minNotional, exactly at the boundary', () => {
    expect(sol.checkOrder(price('49.99'), qty('0.1'), { market: false })).toEqual({
      ok: false,
      code: CODE_NOTIONAL_TOO_LOW,
      reason: 'Order notional value below the lower limit: 49.99 × 0.1 = 4.999 is below minNotional 5 (SOLUSDT)',
    });
    expect(sol.checkOrder(price('49.99'), qty('0.1'), { market: true })).toMatchObject({ code: CODE_NOTIONAL_TOO_LOW });
    // BTC: 0.001 × 4999.9 = 4.9999 < 5, 0.001 × 5000.0 = 5.
    expect(btc.checkOrder(btc.price.toSteps('4999.9', 'down'), 1, { market: false })).toMatchObject({
      ok: false,
      code: CODE_NOTIONAL_TOO_LOW,
    });
    expect(btc.checkOrder(btc.price.toSteps('5000', 'down'), 1, { market: false })).toEqual({ ok: true });
  });

  it('property: the quick integer and float path agrees with exact decimal math near every limit', () => {
    const exact = (rules: InstrumentRules, ticks: number | undefined, steps: number, market: boolean): boolean => {
      const q = rules.qty.toDecimal(steps);
      const limit = parseDecimal(market ? rules.instrument.maxMarketOrderQty : rules.instrument.maxOrderQty);
      if (steps <= 0 || compareDecimals(q, parseDecimal(rules.instrument.minOrderQty)) < 0 || compareDecimals(q, limit) > 0) return false;
      if (ticks === undefined) return true;
      const p = rules.price.toDecimal(ticks);
      return ticks > 0 && compareDecimals({ mantissa: p.mantissa * q.mantissa, scale: p.scale + q.scale }, parseDecimal(rules.instrument.minNotional)) >= 0;
    };
    for (const rules of [sol, btc]) {
      const minSteps = rules.qty.toSteps(rules.instrument.minOrderQty, 'up');
      const notionalTicks = (steps: number) => rules.price.toSteps(Number(rules.instrument.minNotional) / rules.qty.toNumber(steps), 'down');
      fc.assert(
        fc.property(fc.integer({ min: -2, max: 40 }), fc.integer({ min: -3, max: 3 }), fc.boolean(), fc.boolean(), (extraSteps, tickOffset, market, priced) => {
          const steps = minSteps + extraSteps;
          const ticks = priced && steps > 0 ? notionalTicks(steps) + tickOffset : undefined;
          expect(rules.checkOrder(ticks, steps, { market }).ok).toBe(exact(rules, ticks, steps, market));
        }),
        { numRuns: 500 },
      );
    }
  });

  it('throws on non-integer tick or step counts (a caller bug, not an exchange rule)', () => {
    expect(() => sol.checkOrder(undefined, 1.5, { market: true })).toThrow(InputError);
    expect(() => sol.checkOrder(150.25, 10, { market: false })).toThrow(InputError);
  });
});
