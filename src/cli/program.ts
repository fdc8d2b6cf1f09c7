// The `bybot` program: its commands, and the rule that turns any error into one clear line and an exit code.
import { Command, CommanderError } from 'commander';
import { InputError, RemoteRejectedError, TransientError } from '../core/errors.js';
import { registerBacktestCommand } from './commands/backtest.js';
import { registerDataCommands, type ExitStatus } from './commands/data.js';
import { registerDownloadCommand } from './commands/download.js';
import { registerExchangeCommand } from './commands/exchange.js';
import { registerIndicatorCommands } from './commands/indicators.js';
import { registerReplayWsCommand } from './commands/replay-ws.js';
import { registerStrategyCommands } from './commands/strategies.js';
import { registerVenueCommands } from './commands/venue.js';
import { registerTradeCommands } from './commands/trade.js';
import { registerDbCommands } from './commands/db.js';
import { consoleOutput, type Output } from './output.js';

/** Exit codes: 0 ok, 1 the job ran and found the data unacceptable, 2 bad input, 3 remote or network failure, 4 a bug. */
export const EXIT = { ok: 0, rejected: 1, input: 2, remote: 3, internal: 4 } as const;

export function buildProgram(io: Output, status: ExitStatus): Command {
  const program = new Command('bybot')
    .description('bybot — intraday trading for Bybit USDT perpetuals: history, backtests, paper and live trading')
    .version('0.1.0')
    .option('--config <file>', 'configuration file (JSON); default ./bybot.config.json when present, or $BYBOT_CONFIG')
    .option('--data-dir <dir>', 'where history, the cache and state are kept (default ./data)')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .exitOverride();
  registerDataCommands(program, io, status);
  registerDownloadCommand(program, io);
  registerIndicatorCommands(program, io);
  registerBacktestCommand(program, io, status);
  registerStrategyCommands(program, io);
  registerReplayWsCommand(program, io, status);
  registerExchangeCommand(program, io);
  registerVenueCommands(program, io);
  registerTradeCommands(program, io);
  registerDbCommands(program, io);
  return program;
}

export async function run(argv: readonly string[], io: Output = consoleOutput): Promise<number> {
  const status: ExitStatus = { code: EXIT.ok };
  const program = buildProgram(io, status);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return status.code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.input;
    if (error instanceof InputError) {
      io.err(`bybot: ${error.message}`);
      return EXIT.input;
    }
    if (error instanceof RemoteRejectedError || error instanceof TransientError) {
      io.err(`bybot: ${error.message}`);
      return EXIT.remote;
    }
    io.err(`bybot: internal error: ${(error as Error).stack ?? String(error)}`);
    return EXIT.internal;
  }
}
