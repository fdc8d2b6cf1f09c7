// GET /v5/account/wallet-balance: the simulated USDT wallet in Bybit's unified-account shape (USD totals = USDT, 1:1).
import { paramsError } from '../http/envelope.js';
import { amount } from '../http/format.js';
import { READ, type Route } from '../http/route.js';
import type { Exchange } from '../exchange.js';

/** Margin and PnL of every position at the last price, and the wallet around them. */
function accountFigures(exchange: Exchange) {
  let unrealised = 0;
  let positionIM = 0;
  let positionMM = 0;
  for (const market of exchange.markets.values()) {
    const p = exchange.venue.position(market.symbol);
    if (p.size === 0) continue;
    const value = Math.abs(p.size) * p.entryPrice;
    unrealised += p.size * ((exchange.lastPrice(market.symbol) ?? p.entryPrice) - p.entryPrice);
    positionIM += value / exchange.leverageOf(market.symbol);
    positionMM += value * exchange.account.maintenanceRate;
  }
  const wallet = exchange.venue.balance;
  const available = exchange.venue.availableBalance();
  const orderIM = Math.max(0, wallet - available - positionIM);
  return { wallet, available, unrealised, positionIM, positionMM, orderIM, equity: wallet + unrealised };
}

function coinRow(coin: string, f: ReturnType<typeof accountFigures> | undefined, realised: number): Record<string, unknown> {
  const value = (x: number): string => (f === undefined ? '0' : amount(x));
  return {
    availableToBorrow: '',
    bonus: '0',
    accruedInterest: '0',
    availableToWithdraw: '',
    totalOrderIM: value(f?.orderIM ?? 0),
    equity: value(f?.equity ?? 0),
    totalPositionMM: value(f?.positionMM ?? 0),
    usdValue: value(f?.equity ?? 0),
    spotHedgingQty: '0',
    unrealisedPnl: value(f?.unrealised ?? 0),
    collateralSwitch: true,
    borrowAmount: '0',
    totalPositionIM: value(f?.positionIM ?? 0),
    walletBalance: value(f?.wallet ?? 0),
    cumRealisedPnl: value(realised),
    locked: '0',
    marginCollateral: true,
    coin,
    spotBorrow: '0',
  };
}

export const walletBalance: Route = {
  method: 'GET',
  path: '/v5/account/wallet-balance',
  access: READ,
  handle: ({ params, exchange }) => {
    const accountType = params.string('accountType');
    if (accountType !== 'UNIFIED') throw paramsError(`accountType ${JSON.stringify(accountType)} is not served: the account is UNIFIED`);
    const coins = params.optionalString('coin')?.split(',') ?? ['USDT'];
    return { list: [walletRow(exchange, coins)] };
  },
};

/** The unified account with the given coins, as the REST list and the private `wallet` stream carry it. */
export function walletRow(exchange: Exchange, coins: readonly string[] = ['USDT']): Record<string, unknown> {
  const f = accountFigures(exchange);
  const margin = f.wallet + f.unrealised;
  const initial = f.positionIM + f.orderIM;
  const rate = (x: number): string => amount(margin > 0 ? x / margin : 0, 4);
  return {
    totalEquity: amount(f.equity),
    accountIMRate: rate(initial),
    accountIMRateByMp: rate(initial),
    totalMarginBalance: amount(margin),
    totalInitialMargin: amount(initial),
    totalInitialMarginByMp: amount(initial),
    accountType: 'UNIFIED',
    totalAvailableBalance: amount(f.available),
    accountMMRate: rate(f.positionMM),
    accountMMRateByMp: rate(f.positionMM),
    totalPerpUPL: amount(f.unrealised),
    totalWalletBalance: amount(f.wallet),
    accountLTV: '0',
    totalMaintenanceMargin: amount(f.positionMM),
    totalMaintenanceMarginByMp: amount(f.positionMM),
    coin: coins.map((coin) => coinRow(coin, coin === 'USDT' ? f : undefined, coin === 'USDT' ? exchange.ledger.positions.totalRealised() : 0)),
  };
}
