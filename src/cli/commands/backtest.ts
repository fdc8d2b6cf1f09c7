// `bybot backtest`: one strategy over real history, with a progress bar, a console summary, JSON and an HTML report.
import type { Command } from 'commander';
import { parseOptionalRange, parseSymbol, parseTimeframeArg } from '../../runtime/args.js';
import { configFor, dataContext } from '../context.js';
import { isoTime, type Output } from '../output.js';
import type { ExitStatus } from './data.js';
import { createProgress } from '../progress.js';

interface BacktestOptions {
  strategy: string;
  symbol: string;
  timeframe: string;
  data?: string;
  detail?: string;
  from?: string;
  to?: string;
  params?: string;
  fees?: string;
  slippage?: string;
  equity: string;
  leverage: string;
  latency: string;
  limitFill?: string;
  risk?: boolean;
  json?: string;
  report?: string;
}

const money = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : v > 0 ? '∞' : '−∞');
const pct = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)} %` : v > 0 ? '∞' : '−∞');
const ratio = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : v > 0 ? '∞' : '−∞');

/** The backtest runtime (engine, strategies, report), loaded when a command runs rather than at every start of bybot. */
const backtestRuntime = () => import('../../runtime/backtest.js');

export function registerBacktestCommand(program: Command, io: Output, status: ExitStatus): void {
  program
    .command('backtest')
    .description('run a strategy over history on the simulated Bybit venue; prints a summary, writes JSON and an HTML report')
    .requiredOption('--strategy <name>', 'strategy name (e.g. sma-cross)')
    .requiredOption('--symbol <symbol>', 'e.g. SOLUSDT')
    .requiredOption('--timeframe <tf>', 'candle interval: 1m 3m 5m 15m 30m 1h 2h 4h 1d')
    .option('--data <file|dir>', 'a candle file or a folder (files picked by symbol and timeframe, spans joined); default: the download cache')
    .option('--detail <1m data>', '1m candles (file or folder) that decide the order of stop and target inside each candle')
    .option('--from <time>', 'YYYY-MM-DD, ISO date-time or epoch ms (UTC)')
    .option('--to <time>', 'inclusive; a date means the end of that day')
    .option('--params <k=v,...>', 'strategy parameters, e.g. fast=10,slow=30,size=0.1')
    .option('--fees <taker,maker>', 'fees in percent of notional (default Bybit 0.055,0.02), or 0')
    .option('--slippage <model>', '0 (default), <n>bps, fixed:<bps>, vol:<range fraction>, impact:<coef>:<cap>')
    .option('--equity <usdt>', 'initial equity in USDT', '10000')
    .option('--leverage <x>', 'isolated leverage', '1')
    .option('--latency <ms>', 'delay from a decision to the order reaching the venue', '0')
    .option('--limit-fill <rule>', 'when a resting limit fills: through (price trades beyond it, default), touch, or ticks:<n> beyond')
    .option('--risk', 'put the risk engine between the strategy and the orders (sizing, protections, signal checks)')
    .option('--json <out.json>', 'write the full result as JSON')
    .option('--report <out.html>', 'write the self-contained HTML report')
    .action(async (opts: BacktestOptions, command: Command) => {
      const symbol = parseSymbol(opts.symbol);
      const timeframe = parseTimeframeArg(opts.timeframe, '--timeframe');
      const range = parseOptionalRange(opts.from, opts.to);
      const { backtestFromRequest } = await backtestRuntime();
      const progress = createProgress();
      let result;
      try {
        result = backtestFromRequest(dataContext(configFor(command)), {
          strategy: opts.strategy,
          symbol,
          timeframe,
          ...(opts.data ? { data: opts.data } : {}),
          ...(opts.detail ? { detail: opts.detail } : {}),
          ...(range.from === undefined ? {} : { from: range.from }),
          ...(range.to === undefined ? {} : { to: range.to }),
          ...(opts.params ? { params: opts.params } : {}),
          ...(opts.fees ? { fees: opts.fees } : {}),
          ...(opts.slippage ? { slippage: opts.slippage } : {}),
          initialEquity: Number(opts.equity),
          leverage: Number(opts.leverage),
          latencyMs: Number(opts.latency),
          ...(opts.limitFill ? { limitFill: opts.limitFill } : {}),
          ...(opts.risk ? { risk: true } : {}),
          ...(opts.json ? { json: opts.json } : {}),
          ...(opts.report ? { report: opts.report } : {}),
          onProgress: (done, total) => progress.update('backtest', done, total),
        });
      } finally {
        progress.stop();
      }
      const m = result.metrics;
      io.out(`${result.strategy.name} on ${result.symbol} ${result.timeframe}: ${isoTime(result.period.start)} → ${isoTime(result.period.end)}, ${result.candles} candles in ${result.elapsedMs.toFixed(0)} ms`);
      io.out(`  trades ${m.trades} (win rate ${pct(m.winRate)}), net profit ${money(m.netProfit)} USDT (${pct(m.netProfitPct)}), buy & hold ${pct(m.buyAndHoldPct)}`);
      io.out(`  max drawdown ${pct(m.maxDrawdownPct)}, Sharpe ${ratio(m.sharpe)}, Sortino ${ratio(m.sortino)}, profit factor ${ratio(m.profitFactor)}, expectancy ${money(m.expectancy)} USDT`);
      io.out(`  fees ${money(m.feesPaid)} USDT, funding ${money(m.fundingPaid)} USDT, slippage ${money(m.slippagePaid)} USDT`);
      if (result.risk) io.out(`  risk engine refused ${result.risk.denied} entries${result.risk.denied ? ` (${Object.entries(result.risk.byRule).map(([rule, count]) => `${rule} ${count}`).join(', ')})` : ''}`);
      if (opts.json) io.out(`  JSON written to ${opts.json}`);
      if (opts.report) io.out(`  report written to ${opts.report}`);
    });

  program
    .command('lookahead-check')
    .description('run a strategy on the full series and on truncated ones; report every signal that differs (it saw the future)')
    .requiredOption('--strategy <name>', 'strategy name')
    .requiredOption('--symbol <symbol>', 'e.g. SOLUSDT')
    .requiredOption('--timeframe <tf>', 'candle interval')
    .option('--data <file|dir>', 'a candle file or folder; default: the download cache')
    .option('--from <time>', 'YYYY-MM-DD, ISO date-time or epoch ms (UTC)')
    .option('--to <time>', 'inclusive; a date means the end of that day')
    .option('--params <k=v,...>', 'strategy parameters')
    .option('--cuts <n>', 'truncated runs, ends spread over the series', '10')
    .action(async (opts: { strategy: string; symbol: string; timeframe: string; data?: string; from?: string; to?: string; params?: string; cuts: string }, command: Command) => {
      const cuts = Number(opts.cuts);
      if (!Number.isInteger(cuts) || cuts < 1 || cuts > 1000) throw command.error(`error: --cuts: ${JSON.stringify(opts.cuts)} must be an integer from 1 to 1000`, { exitCode: 2 });
      const range = parseOptionalRange(opts.from, opts.to);
      const { lookaheadFromRequest } = await backtestRuntime();
      const report = lookaheadFromRequest(dataContext(configFor(command)), {
        strategy: opts.strategy,
        symbol: parseSymbol(opts.symbol),
        timeframe: parseTimeframeArg(opts.timeframe, '--timeframe'),
        ...(opts.data ? { data: opts.data } : {}),
        ...(range.from === undefined ? {} : { from: range.from }),
        ...(range.to === undefined ? {} : { to: range.to }),
        ...(opts.params ? { params: opts.params } : {}),
        cuts,
      });
      io.out(`${report.runs} runs, ${report.signalsCompared} signals compared: ${report.differences.length === 0 ? 'no lookahead found' : `${report.differences.length} signal(s) differ`}`);
      for (const d of report.differences.slice(0, 50)) io.out(`  ${isoTime(d.time)} (run cut at ${d.truncatedAt} candles): full ${d.full} vs truncated ${d.truncated}`);
      if (report.differences.length > 0) status.code = 1;
    });
}
