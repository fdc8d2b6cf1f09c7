// `bybot indicators`: compute indicators and features over a data file, for inspection and plotting.
import type { Command } from 'commander';
import { writeTextAtomic } from '../../core/atomic-write.js';
import { configFor, dataContext } from '../context.js';
import { table, type Output } from '../output.js';

export function registerIndicatorCommands(program: Command, io: Output): void {
  program
    .command('indicators')
    .description('compute indicators and features over a candle file: one row per candle (timestamp in ms, one column per output; empty before warm-up)')
    .option('--data <file>', 'candle file (any format `bybot data info` reads)')
    .option('--ind <list>', 'comma-separated name:param:param..., e.g. rsi:14,ema:20,atr:14,bb:20:2,macd:12:26:9')
    .option('--out <file.csv>', 'write CSV to this file (atomically) instead of standard output')
    .option('--json', 'print one JSON object per candle instead of CSV (null before warm-up)')
    .option('--list', 'list every indicator and feature with its parameters and outputs')
    .action(async (opts: { data?: string; ind?: string; out?: string; json?: boolean; list?: boolean }, command: Command) => {
      // Every indicator and feature, loaded when the command runs rather than at every start of bybot.
      const { ALL_SPECS, computeIndicatorTable, parseIndicatorList, tableToCsv, tableToJsonLines } = await import('../../runtime/indicator-table.js');
      if (opts.list) {
        const rows = ALL_SPECS.map((s) => [s.name, s.params.map((p) => `${p.name}=${p.default}`).join(' ') || '-', s.outputs.join(' '), s.description]);
        for (const line of table(['name', 'parameters (defaults)', 'outputs', 'description'], rows)) io.out(line);
        return;
      }
      if (!opts.data) throw command.error('error: required option --data <file> not specified', { exitCode: 2 });
      if (!opts.ind) throw command.error('error: required option --ind <list> not specified', { exitCode: 2 });
      const requests = parseIndicatorList(opts.ind);
      const result = computeIndicatorTable(dataContext(configFor(command)), opts.data, requests);
      if (opts.json) {
        for (const line of tableToJsonLines(result)) io.out(line);
      } else if (opts.out) {
        writeTextAtomic(opts.out, tableToCsv(result));
        io.out(`wrote ${result.timestamps.length} rows × ${result.columns.length} columns to ${opts.out}`);
      } else {
        io.out(tableToCsv(result).trimEnd());
      }
    });
}
