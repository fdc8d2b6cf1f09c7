// GET /v5/market/instruments-info: the replayed instruments in Bybit's linear-perpetual shape.
import { millis } from '../http/format.js';
import { pagedList } from '../http/pagination.js';
import { PUBLIC, requireLinear, type Route } from '../http/route.js';
import type { Market } from '../replay/market.js';

/** Bybit's funding rate cap for the main USDT perpetuals, shown as the instrument's bounds and the ticker's fundingCap. */
export const FUNDING_CAP = '0.005';
/** maxPrice in ticks, as Bybit sets it for BTCUSDT (1999999.80 at tick 0.10). */
const MAX_PRICE_TICKS = 19_999_998;

function instrumentRow(market: Market, symbolId: number): Record<string, unknown> {
  const i = market.instrument;
  const grid = market.rules.price;
  return {
    symbol: i.symbol,
    symbolId,
    contractType: 'LinearPerpetual',
    status: 'Trading',
    baseCoin: i.baseCoin,
    quoteCoin: i.quoteCoin,
    launchTime: millis(market.candles[0]!.time),
    deliveryTime: '0',
    deliveryFeeRate: '',
    priceScale: String(grid.decimals),
    leverageFilter: { minLeverage: '1', maxLeverage: Number(i.maxLeverage).toFixed(2), leverageStep: '0.01' },
    priceFilter: { minPrice: grid.toString(1), maxPrice: grid.toString(MAX_PRICE_TICKS), tickSize: grid.toString(1) },
    lotSizeFilter: {
      maxOrderQty: i.maxOrderQty,
      minOrderQty: i.minOrderQty,
      qtyStep: i.qtyStep,
      postOnlyMaxOrderQty: i.maxOrderQty,
      maxMktOrderQty: i.maxMarketOrderQty,
      minNotionalValue: i.minNotional,
    },
    unifiedMarginTrade: true,
    fundingInterval: i.fundingIntervalMinutes,
    settleCoin: i.quoteCoin,
    copyTrading: 'none',
    upperFundingRate: FUNDING_CAP,
    lowerFundingRate: `-${FUNDING_CAP}`,
    isPreListing: false,
    preListingInfo: null,
    riskParameters: { priceLimitRatioX: '0.01', priceLimitRatioY: '0.02' },
    symbolType: '',
  };
}

export const marketInstruments: Route = {
  method: 'GET',
  path: '/v5/market/instruments-info',
  access: PUBLIC,
  handle: ({ params, exchange }) => {
    requireLinear(params);
    const symbol = params.optionalString('symbol');
    const status = params.optionalString('status') ?? 'Trading';
    const baseCoin = params.optionalString('baseCoin');
    const rows = [...exchange.markets.values()]
      .map((market, index) => ({ market, index }))
      .filter(({ market }) => (symbol === undefined || market.symbol === symbol) && (baseCoin === undefined || market.instrument.baseCoin === baseCoin) && status === 'Trading')
      .map(({ market, index }) => instrumentRow(market, index + 1));
    return pagedList(rows, params, { max: 1000, fallback: 500 });
  },
};
