// `bybot venue check`: connects to Bybit (or any exchange URL) with the configured key and reports what start-up found, without trading.
import type { Command } from 'commander';
import { parseSymbol } from '../../runtime/args.js';
import { bybitEndpoints } from '../../runtime/bybit-endpoints.js';
import { instrumentFor } from '../../runtime/instruments.js';
import { BYBIT_KEY_ENV, BYBIT_SECRET_ENV, venueCredentials } from '../../runtime/venue-keys.js';
import { historyStore } from '../../runtime/data-files.js';
import { configFor, dataContext } from '../context.js';
import type { Output } from '../output.js';

interface CheckOptions {
  symbol?: string[];
  exchangeUrl?: string;
  testnet?: boolean;
  demo?: boolean;
  keys?: string;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerVenueCommands(program: Command, io: Output): void {
  const venue = program.command('venue').description('the live Bybit venue');
  venue
    .command('check')
    .description(`start the Bybit venue without trading: key check (a key that can withdraw is refused), isolated margin, leverage, private stream, reconciliation; key from $${BYBIT_KEY_ENV}/$${BYBIT_SECRET_ENV} or --keys`)
    .option('--symbol <symbol>', 'a symbol to check; repeat for several (default SOLUSDT)', collect)
    .option('--exchange-url <url>', 'any exchange serving Bybit V5 paths, e.g. a local `bybot exchange`')
    .option('--testnet', 'Bybit testnet')
    .option('--demo', 'Bybit demo trading')
    .option('--keys <file>', 'JSON secret file { "key": "...", "secret": "..." }')
    .action(async (opts: CheckOptions, command: Command) => {
      const network = opts.demo ? 'demo' : opts.testnet ? 'testnet' : undefined;
      const loaded = configFor(command, { ...(opts.exchangeUrl ? { 'bybit.exchangeUrl': opts.exchangeUrl } : {}), ...(network ? { 'bybit.network': network } : {}) });
      const bybit = loaded.config.bybit;
      const symbols = (opts.symbol ?? ['SOLUSDT']).map((s) => parseSymbol(s));
      const credentials = venueCredentials(opts.keys, process.env);
      const store = historyStore(dataContext(loaded));
      const endpoints = bybitEndpoints(bybit);
      // The exchange client is loaded when the check runs, not at every start of bybot.
      const { checkVenue, venueFromConfig } = await import('../../runtime/venue-check.js');
      const venue = venueFromConfig(endpoints, credentials, symbols.map((s) => instrumentFor(s, store)), bybit);
      io.out(`venue ${endpoints.rest} (streams ${endpoints.privateStream}) with key ${credentials.apiKey}`);
      const check = await checkVenue(venue, endpoints, symbols);
      for (const notice of check.notices) if (notice.code !== 'reconciled') io.out(`  ${notice.level}: ${notice.message}`);
      for (const [symbol, position] of Object.entries(check.positions)) {
        io.out(`  ${symbol}: ${position.size === 0 ? 'flat' : `position ${position.size} at ${position.entryPrice}`}${check.unprotected.includes(symbol) ? ' WITHOUT A STOP' : ''}`);
      }
      const r = check.report;
      io.out(`reconciled: ${r.openPositions} open position(s), ${r.cancelledOrphans} orphan order(s) cancelled, ${r.adoptedOrphans} adopted, ${r.missedFills} missed fill(s) applied`);
    });
}
