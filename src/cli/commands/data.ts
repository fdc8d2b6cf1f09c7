// `bybot data list | info | validate | export`: see, check and export the history bybot trades on.
import type { Command } from 'commander';
import { systemClock } from '../../core/clock.js';
import { parseDurationArg, parseRange, parseSymbol, parseTimeframeArg } from '../../runtime/args.js';
import type { FileInfo } from '../../runtime/data-files.js';
import { configFor, dataContext } from '../context.js';
import { isoTime, table, type Output } from '../output.js';

/** Set by a command whose result means failure (a rejected data set) without an exception. */
export interface ExitStatus {
  code: number;
}

/** The loaders and quality checks, loaded when a data command runs rather than at every start of bybot. */
const dataFiles = () => import('../../runtime/data-files.js');

export function registerDataCommands(program: Command, io: Output, status: ExitStatus): void {
  const data = program.command('data').description('list, inspect, validate and export market history');

  data
    .command('list')
    .description('list cached history (from `bybot download`) and data files under --path')
    .option('--path <dir...>', 'also list data files found under these directories')
    .option('--json', 'one JSON object per line')
    .action(async (opts: { path?: string[]; json?: boolean }, command: Command) => {
      const { describeFile, findDataFiles, listStore } = await dataFiles();
      const ctx = dataContext(configFor(command));
      const stored = listStore(ctx);
      const files = (opts.path ?? []).flatMap((dir) => findDataFiles(dir)).map((file) => describeFile(ctx, file));
      if (opts.json) {
        for (const e of stored) io.out(JSON.stringify({ source: 'cache', ...e }));
        for (const f of files) io.out(JSON.stringify({ source: 'file', ...f }));
        return;
      }
      io.out(`Cached history in ${ctx.dataDir}/history:`);
      if (stored.length === 0) io.out('  (none yet: `bybot download --symbol SOLUSDT --interval 5m --from ... --to ...`)');
      else for (const line of table(['venue', 'symbol', 'kind', 'rows', 'from', 'to'], stored.map((e) => [e.venue, e.symbol, e.kind, e.rows, isoTime(e.from), isoTime(e.to)]))) io.out(`  ${line}`);
      if (opts.path) {
        io.out('');
        io.out(`Data files under ${opts.path.join(', ')}:`);
        for (const line of table(['file', 'kind', 'symbol', 'tf', 'rows', 'from', 'to', 'gaps'], files.map((f) => [f.file, f.kind, f.symbol ?? '-', f.timeframe ?? '-', f.rows, isoTime(f.from), isoTime(f.to), f.gaps]))) io.out(`  ${line}`);
      }
    });

  data
    .command('info <file>')
    .description('span, rows, gaps and price range of one data file')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: { json?: boolean }, command: Command) => {
      const { describeFile } = await dataFiles();
      const info = describeFile(dataContext(configFor(command)), file);
      if (opts.json) io.out(JSON.stringify(info));
      else for (const line of formatInfo(info)) io.out(line);
    });

  data
    .command('validate <path>')
    .description('run the data-quality checks on a file or every data file in a directory')
    .option('--json', 'one JSON object per finding: file, check, timestamp (ms), value, severity, action, message')
    .option('--interval <tf>', 'candle interval when neither the file name nor the rows tell it')
    .option('--max-age <duration>', 'also check staleness: the last candle must have closed within this long (e.g. 10m)')
    .action(async (path: string, opts: { json?: boolean; interval?: string; maxAge?: string }, command: Command) => {
      const { findDataFiles, validateFile } = await dataFiles();
      const ctx = dataContext(configFor(command, opts.maxAge ? { 'dataQuality.thresholds.staleAfterMs': parseDurationArg(opts.maxAge, '--max-age') } : {}));
      const timeframe = opts.interval ? parseTimeframeArg(opts.interval) : undefined;
      const files = findDataFiles(path);
      let rejected = 0;
      let findings = 0;
      for (const file of files) {
        const result = validateFile(ctx, file, { ...(timeframe ? { timeframe } : {}), ...(opts.maxAge ? { now: systemClock.now() } : {}) });
        findings += result.findings.length;
        if (!result.ok) rejected++;
        if (opts.json) {
          for (const f of result.findings) io.out(JSON.stringify({ file, check: f.check, timestamp: Number.isFinite(f.timestamp) ? f.timestamp : null, value: f.value, severity: f.severity, action: f.action, message: f.message }));
          continue;
        }
        const counts = new Map<string, number>();
        for (const f of result.findings) counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
        const summary = [...counts].map(([s, n]) => `${n} ${s}${n > 1 ? 's' : ''}`).join(', ') || 'clean';
        io.out(`${result.ok ? 'OK      ' : 'REJECTED'}  ${file}  (${result.kind}, ${result.rows} rows; ${summary})`);
        for (const f of result.findings.slice(0, 50)) io.out(`    ${f.severity.padEnd(7)} ${f.action.padEnd(6)} ${f.check.padEnd(11)} ${isoTime(f.timestamp)}  ${f.message}`);
        if (result.findings.length > 50) io.out(`    ... and ${result.findings.length - 50} more (use --json for all)`);
      }
      if (!opts.json) io.out(`${files.length} file(s) checked: ${files.length - rejected} accepted, ${rejected} rejected, ${findings} finding(s)`);
      if (rejected > 0) status.code = 1;
    });

  data
    .command('export')
    .description('write cached history back out as canonical CSV (timestamp,open,high,low,close,volume)')
    .requiredOption('--symbol <symbol>', 'e.g. SOLUSDT')
    .requiredOption('--interval <tf>', 'candle interval: 1m 3m 5m 15m 30m 1h 2h 4h 1d')
    .requiredOption('--from <time>', 'YYYY-MM-DD, ISO date-time or epoch ms (UTC)')
    .requiredOption('--to <time>', 'inclusive; a date means the end of that day')
    .requiredOption('--out <file.csv>', 'output file (written atomically)')
    .action(async (opts: { symbol: string; interval: string; from: string; to: string; out: string }, command: Command) => {
      const { exportHistory } = await dataFiles();
      const symbol = parseSymbol(opts.symbol);
      const timeframe = parseTimeframeArg(opts.interval);
      const range = parseRange(opts.from, opts.to);
      const result = exportHistory(dataContext(configFor(command)), { symbol, timeframe, ...range, out: opts.out });
      io.out(`wrote ${result.rows} ${symbol} ${timeframe} candles to ${result.out}`);
    });
}

function formatInfo(info: FileInfo): string[] {
  const lines = [
    `file        ${info.file}`,
    `kind        ${info.kind}${info.format ? ` (${info.format} format)` : ''}`,
    `symbol      ${info.symbol ?? 'unknown'}`,
  ];
  if (info.kind === 'candles') lines.push(`interval    ${info.timeframe ?? 'unknown'}`);
  lines.push(`rows        ${info.rows}`, `span        ${isoTime(info.from)} → ${isoTime(info.to)}`);
  lines.push(`gaps        ${info.gaps}${info.gaps ? ` (${info.missing} missing)` : ''}`);
  if (info.priceMin !== undefined) lines.push(`price range ${info.priceMin} – ${info.priceMax}`);
  if (info.fundingMin !== undefined) lines.push(`rate range  ${info.fundingMin} – ${info.fundingMax}`);
  return lines;
}
