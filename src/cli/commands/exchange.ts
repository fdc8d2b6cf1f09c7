// `bybot exchange`: a local Bybit-compatible REST and WebSocket exchange replaying history on 127.0.0.1, until Ctrl-C or the end of the replay.
import type { Command } from 'commander';
import { parseOptionalRange, parseSymbol, parseTimeframeArg } from '../../runtime/args.js';
import { parseEquity, parsePort, parseSeed, parseSpeed } from '../../runtime/exchange-args.js';
import type { RunningExchange } from '../../runtime/exchange.js';
import { configFor, dataContext } from '../context.js';
import { isoTime, type Output } from '../output.js';

interface ExchangeOptions {
  data?: string;
  symbol: string[];
  timeframe: string;
  from?: string;
  to?: string;
  speed: string;
  port: string;
  seed: string;
  equity: string;
  keys?: string;
  exitAtEnd?: boolean;
}

/** How often --exit-at-end looks whether the replay is over, ms. */
const FINISH_POLL_MS = 50;

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerExchangeCommand(program: Command, io: Output): void {
  program
    .command('exchange')
    .description(
      'serve a local Bybit V5-compatible exchange (REST and WebSocket) on 127.0.0.1 that replays history (market data, orders, positions on a simulated account); ' +
        `API keys from $BYBOT_EXCHANGE_API_KEY/$BYBOT_EXCHANGE_API_SECRET or --keys, else a generated test pair; runs until Ctrl-C`,
    )
    .option('--data <file|dir>', 'a candle file or a folder (files picked by symbol and timeframe); default: the download cache')
    .option('--symbol <symbol>', 'a symbol to replay; repeat for several (default SOLUSDT)', collect)
    .option('--timeframe <tf>', 'candle interval of the replay: 1m 3m 5m 15m 30m 1h 2h 4h 1d', '1m')
    .option('--from <time>', 'YYYY-MM-DD, ISO date-time or epoch ms (UTC)')
    .option('--to <time>', 'inclusive; a date means the end of that day')
    .option('--speed <x>', 'replay pace: 1 = real time, 60 = a minute a second, max = as fast as possible', '1')
    .option('--port <n>', 'port on 127.0.0.1; 0 picks a free one', '0')
    .option('--seed <n>', 'seed of everything made up (ids, book sizes, trade prints)', '1')
    .option('--equity <usdt>', 'starting USDT balance of the simulated account', '10000')
    .option('--keys <file>', 'JSON secret file: [{ "key": "...", "secret": "...", "readOnly": false }]')
    .option('--exit-at-end', 'stop once every candle has been replayed')
    .action(async (opts: ExchangeOptions, command: Command) => {
      const range = parseOptionalRange(opts.from, opts.to);
      // The exchange server (HTTP, WebSocket) is loaded when it starts, not at every start of bybot.
      const { startExchange } = await import('../../runtime/exchange.js');
      const running = await startExchange(dataContext(configFor(command)), {
        symbols: (opts.symbol ?? ['SOLUSDT']).map((s) => parseSymbol(s)),
        timeframe: parseTimeframeArg(opts.timeframe, '--timeframe'),
        ...(opts.data ? { data: opts.data } : {}),
        ...(range.from === undefined ? {} : { from: range.from }),
        ...(range.to === undefined ? {} : { to: range.to }),
        speed: parseSpeed(opts.speed),
        port: parsePort(opts.port),
        seed: parseSeed(opts.seed),
        initialEquity: parseEquity(opts.equity),
        ...(opts.keys ? { keysFile: opts.keys } : {}),
      });
      printStarted(io, running, opts.speed);
      const reason = await untilStopped(running, opts.exitAtEnd === true);
      await running.exchange.close();
      io.out(`exchange stopped (${reason}) at ${isoTime(running.exchange.clock.now())}`);
    });
}

function printStarted(io: Output, running: RunningExchange, speed: string): void {
  const { exchange, keys, span } = running;
  io.out(`exchange listening on ${exchange.url}`);
  io.out(`  streams ${exchange.wsPublicUrl} and ${exchange.wsPrivateUrl}`);
  io.out(`  symbols ${Object.entries(running.candles).map(([symbol, count]) => `${symbol} (${count} candles)`).join(', ')}`);
  io.out(`  replay ${isoTime(span.from)} → ${isoTime(span.to)} at speed ${speed}`);
  if (keys.generated) io.out(`  generated test key ${keys.generated.key}, secret ${keys.generated.secret} (shown only now)`);
  else io.out(`  api keys ${keys.keys.map((k) => `${k.key}${k.readOnly ? ' (read-only)' : ''}`).join(', ')} from ${keys.source}`);
}

/** Resolves on SIGINT or SIGTERM, or (with exitAtEnd) once the replay has fed every candle. */
function untilStopped(running: RunningExchange, exitAtEnd: boolean): Promise<string> {
  return new Promise((resolve) => {
    let poll: NodeJS.Timeout | undefined;
    const stop = (reason: string) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      if (poll) clearInterval(poll);
      resolve(reason);
    };
    const onInt = () => stop('SIGINT');
    const onTerm = () => stop('SIGTERM');
    process.once('SIGINT', onInt);
    process.once('SIGTERM', onTerm);
    if (exitAtEnd) poll = setInterval(() => running.exchange.finished && stop('end of the replay'), FINISH_POLL_MS);
  });
}
