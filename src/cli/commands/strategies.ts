// `bybot strategies`: the registered strategies and their parameters; `bybot strategies report`: all of them on the real history, as docs/strategies.md.
import type { Command } from 'commander';
import { configFor, dataContext } from '../context.js';
import type { Output } from '../output.js';
import { createProgress } from '../progress.js';

function range(p: { min?: number; max?: number; values?: readonly unknown[] }): string {
  if (p.values) return p.values.join('|');
  if (p.min !== undefined || p.max !== undefined) return `${p.min ?? '−∞'}…${p.max ?? '∞'}`;
  return '';
}

/** The strategies and the backtest engine, loaded when a command runs rather than at every start of bybot. */
const strategyRuntime = () => import('../../runtime/strategy-report.js');

export function registerStrategyCommands(program: Command, io: Output): void {
  const strategies = program
    .command('strategies')
    .description('list the strategies with their parameters (defaults and ranges); `report` backtests them all on real history')
    .option('--json', 'print as JSON')
    .action(async (opts: { json?: boolean }) => {
      const { describeStrategies } = await strategyRuntime();
      const all = describeStrategies();
      if (opts.json) return io.out(JSON.stringify(all, null, 2));
      for (const s of all) {
        io.out(`${s.name}: ${s.description}`);
        for (const p of s.params) io.out(`  ${p.name.padEnd(18)} ${p.type.padEnd(8)} default ${JSON.stringify(p.default)}${range(p) ? `, range ${range(p)}` : ''}`);
      }
    });
  strategies
    .command('report')
    .description('backtest every strategy on every Bybit 5m span of SOL, ETH and BTC in --data and write the results table')
    .requiredOption('--data <dir>', 'the folder of real history, e.g. ../shared/data/candles')
    .option('--out <file>', 'where the markdown table goes', 'docs/strategies.md')
    .option('--strategy <names>', 'comma-separated subset of strategies')
    .option('--symbols <list>', 'comma-separated symbols', 'SOLUSDT,ETHUSDT,BTCUSDT')
    .option('--slippage <model>', 'slippage model, as for backtest', '2bps')
    .action(async (opts: { data: string; out: string; strategy?: string; symbols: string; slippage: string }, command: Command) => {
      const { strategyReport } = await strategyRuntime();
      const progress = createProgress();
      try {
        const rows = strategyReport(dataContext(configFor(command)), {
          data: opts.data,
          out: opts.out,
          ...(opts.strategy ? { strategies: opts.strategy.split(',').map((s) => s.trim()) } : {}),
          symbols: opts.symbols.split(',').map((s) => s.trim().toUpperCase()),
          slippage: opts.slippage,
          onRun: (_label, done, total) => progress.update('backtests', done, total),
        });
        progress.stop();
        io.out(`${rows.length} backtests written to ${opts.out}`);
      } finally {
        progress.stop();
      }
    });
}
