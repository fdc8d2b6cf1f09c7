// POST /v5/position/trading-stop: the position's TP/SL/trailing stop (Full) or an added partial TP/SL (Partial), on the venue.
import { describeValue } from '../../../core/errors.js';
import type { TradingStop } from '../../../ports/execution-venue.js';
import type { SimPosition } from '../../sim/sim-venue.js';
import { BybitError, RET } from '../http/envelope.js';
import { POSITION, requireLinear, type Route } from '../http/route.js';
import { readTpsl, requireOneWay } from '../trade/order-params.js';

/** True when a Full-mode call would leave the position's stops as they are (or names none): Bybit's 34040. */
function unchanged(position: SimPosition, stop: TradingStop): boolean {
  const same = (given: number | undefined, current: number | undefined): boolean => given === undefined || given === (current ?? 0);
  const sameSource = (given: string | undefined, current: string | undefined): boolean => given === undefined || given === (current ?? 'last');
  return (
    same(stop.stopLoss, position.stopLoss) &&
    same(stop.takeProfit, position.takeProfit) &&
    same(stop.trailingStop, position.trailingStop) &&
    sameSource(stop.slTriggerBy, position.stopLossTriggerBy) &&
    sameSource(stop.tpTriggerBy, position.takeProfitTriggerBy)
  );
}

export const tradingStop: Route = {
  method: 'POST',
  path: '/v5/position/trading-stop',
  access: POSITION,
  handle: ({ params, exchange }) => {
    requireLinear(params);
    const market = exchange.market(params.string('symbol'));
    params.oneOf('tpslMode', ['Full', 'Partial']);
    requireOneWay(params, true);
    params.unsupported('activePrice');
    const tpsl = readTpsl(params);
    const stop: TradingStop = {
      ...tpsl,
      trailingStop: params.optionalDecimal('trailingStop'),
      tpSize: params.optionalDecimal('tpSize', Number.MIN_VALUE),
      slSize: params.optionalDecimal('slSize', Number.MIN_VALUE),
    };
    // A rejectTradingStop fault refuses a well-formed call, and nothing changes.
    const refusal = exchange.faults.hit('rejectTradingStop', tradingStop.path);
    if (refusal) throw new BybitError(refusal.retCode, refusal.retMsg);
    const position = exchange.venue.position(market.symbol);
    if (stop.tpslMode === 'Full' && position.size !== 0 && unchanged(position, stop)) {
      throw new BybitError(RET.tpslNotModified, `not modified: the position's TP/SL already is ${describeValue({ takeProfit: position.takeProfit ?? 0, stopLoss: position.stopLoss ?? 0 })}`);
    }
    // The venue refuses what Bybit refuses (no position, off-grid prices, sizes above the position) with an InputError: a 10001.
    exchange.venue.setTradingStop(market.symbol, stop);
    return {};
  },
};
