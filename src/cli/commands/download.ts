// `bybot download`: pull klines, funding and the instrument from Bybit into the local history cache.
import type { Command } from 'commander';
import { parseRange, parseSymbol, parseTimeframeArg } from '../../runtime/args.js';
import { configFor, dataContext } from '../context.js';
import { isoTime, type Output } from '../output.js';
import { createProgress } from '../progress.js';

interface DownloadOptions {
  symbol: string;
  interval: string;
  from: string;
  to: string;
  testnet?: boolean;
  baseUrl?: string;
  funding: boolean;
}

export function registerDownloadCommand(program: Command, io: Output): void {
  program
    .command('download')
    .description('download Bybit USDT-perpetual history (klines, funding, instrument) into the cache; resumes where it stopped')
    .requiredOption('--symbol <symbol>', 'e.g. SOLUSDT')
    .requiredOption('--interval <tf>', 'candle interval: 1m 3m 5m 15m 30m 1h 2h 4h 1d')
    .requiredOption('--from <time>', 'YYYY-MM-DD, ISO date-time or epoch ms (UTC)')
    .requiredOption('--to <time>', 'inclusive; a date means the end of that day')
    .option('--testnet', 'use Bybit testnet (https://api-testnet.bybit.com)')
    .option('--base-url <url>', 'any Bybit-compatible REST base URL (also `bybit.baseUrl` in the config)')
    .option('--no-funding', 'skip the funding history')
    .action(async (opts: DownloadOptions, command: Command) => {
      const symbol = parseSymbol(opts.symbol);
      const timeframe = parseTimeframeArg(opts.interval);
      const range = parseRange(opts.from, opts.to);
      const overrides: Record<string, unknown> = {};
      if (opts.baseUrl) overrides['bybit.baseUrl'] = opts.baseUrl;
      else if (opts.testnet) overrides['bybit.baseUrl'] = 'https://api-testnet.bybit.com';
      const loaded = configFor(command, overrides);
      // The Bybit client is loaded when a download runs, not at every start of bybot.
      const { downloadToStore } = await import('../../runtime/download.js');
      const progress = createProgress();
      try {
        const summary = await downloadToStore(loaded, dataContext(loaded), {
          symbol,
          timeframe,
          ...range,
          funding: opts.funding,
          onProgress: (p) => progress.update(p.phase, p.done, p.total),
          onRetry: (message) => io.err(`bybot: ${message}`),
        });
        progress.stop();
        io.out(`${symbol} ${timeframe}: ${summary.candlesAdded} new candle(s), ${summary.fundingAdded} new funding rate(s) in ${summary.requests} request(s); cache now holds ${isoTime(summary.first)} → ${isoTime(summary.last)}`);
      } finally {
        progress.stop();
      }
    });
}
