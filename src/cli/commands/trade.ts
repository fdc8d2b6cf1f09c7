// `bybot paper` and `bybot live`: one strategy on live Bybit data, fills simulated (paper) or real (live), until Ctrl-C.
import type { Command } from 'commander';
import { parseSymbol, parseTimeframeArg } from '../../runtime/args.js';
import { parseEquity } from '../../runtime/exchange-args.js';
import { BYBIT_KEY_ENV, BYBIT_SECRET_ENV } from '../../runtime/venue-keys.js';
import type { TradeRequest } from '../../runtime/trading/run.js';
import { configFor, dataContext } from '../context.js';
import type { Output } from '../output.js';

interface TradeOptions {
  strategy?: string;
  params?: string;
  symbol?: string[];
  timeframe: string;
  equity: string;
  risk: boolean;
  exchangeUrl?: string;
  testnet?: boolean;
  demo?: boolean;
  keys?: string;
  confirmMainnet?: boolean;
  maxCandles?: string;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Resolves on the first SIGINT or SIGTERM with its name. */
function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (name: string) => () => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(name);
    };
    const onInt = stop('SIGINT');
    const onTerm = stop('SIGTERM');
    process.once('SIGINT', onInt);
    process.once('SIGTERM', onTerm);
  });
}

export function registerTradeCommands(program: Command, io: Output): void {
  for (const mode of ['paper', 'live'] as const) {
    const command = program
      .command(mode)
      .description(
        mode === 'paper'
          ? 'trade a strategy on live Bybit market data with simulated fills (the SimVenue of the backtests) and the full risk engine, until Ctrl-C'
          : `trade a strategy on Bybit with real orders (stops attached, reconciled on start), until Ctrl-C; key from $${BYBIT_KEY_ENV}/$${BYBIT_SECRET_ENV} or --keys; mainnet needs --confirm-mainnet`,
      )
      .option('--strategy <name>', 'strategy name (bybot strategies lists them); without it, the strategies of trading.runs in the config')
      .option('--params <k=v,...>', 'strategy parameters')
      .option('--symbol <symbol>', 'a symbol to trade; repeat for several (default SOLUSDT)', collect)
      .option('--timeframe <tf>', 'the strategy timeframe', '5m')
      .option('--no-risk', 'without the risk engine (sizing, limits, protections)')
      .option('--exchange-url <url>', 'any exchange serving Bybit V5 paths, e.g. a local `bybot exchange`')
      .option('--testnet', 'Bybit testnet')
      .option('--demo', 'Bybit demo trading')
      .option('--max-candles <n>', 'stop after this many closed candles');
    if (mode === 'paper') command.option('--equity <usdt>', 'paper account size', '10000');
    else command.option('--keys <file>', 'JSON secret file { "key": "...", "secret": "..." }').option('--confirm-mainnet', 'trade real money on Bybit mainnet');
    command.action(async (opts: TradeOptions, cmd: Command) => {
      const network = opts.demo ? 'demo' : opts.testnet ? 'testnet' : undefined;
      const loaded = configFor(cmd, { ...(opts.exchangeUrl ? { 'bybit.exchangeUrl': opts.exchangeUrl } : {}), ...(network ? { 'bybit.network': network } : {}) });
      const request: TradeRequest = {
        mode,
        ...(opts.strategy ? { strategy: opts.strategy } : {}),
        ...(opts.params ? { params: opts.params } : {}),
        symbols: (opts.symbol ?? ['SOLUSDT']).map((s) => parseSymbol(s)),
        timeframe: parseTimeframeArg(opts.timeframe, '--timeframe'),
        equity: parseEquity(opts.equity ?? '10000'),
        risk: opts.risk,
        ...(opts.keys ? { keysFile: opts.keys } : {}),
        ...(opts.confirmMainnet ? { confirmMainnet: true } : {}),
        ...(opts.maxCandles !== undefined ? { maxCandles: Number(opts.maxCandles) } : {}),
      };
      // Loaded when the command runs: the trading runtime (exchange client, storage, logging) would slow every other command's start.
      const { runTrading } = await import('../../runtime/trading/run.js');
      const summary = await runTrading(dataContext(loaded), loaded, request, {
        info: (line) => io.out(line),
        alert: (alert) => io.out(`${new Date(alert.time).toISOString()} ${alert.level} ${alert.code}: ${alert.message}`),
        trade: (symbol, t) => io.out(`trade ${symbol} ${t.side} ${t.quantity} ${averagePrice(t.entryPrice)} → ${averagePrice(t.exitPrice)} pnl ${t.pnl.toFixed(4)} (${t.exitReason})`),
      }, process.env, untilSignal());
      const pnl = summary.trades.reduce((sum, t) => sum + t.pnl, 0);
      io.out(`stopped (${summary.reason}) after ${summary.candles} candle(s): ${summary.trades.length} trade(s), net ${pnl.toFixed(4)} USDT`);
    });
  }
}

/** An average of fill prices as a trader reads it: eight decimals at most, without the float noise of the division (208.38166666666672 → 208.38166667). */
function averagePrice(price: number): string {
  return String(Number(price.toFixed(8)));
}
