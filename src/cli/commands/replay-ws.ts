// `bybot replay-ws <file>`: what recorded Bybit WebSocket messages become in bybot, one JSON line per event.
import type { Command } from 'commander';
import type { Output } from '../output.js';
import type { ExitStatus } from './data.js';

export function registerReplayWsCommand(program: Command, io: Output, status: ExitStatus): void {
  program
    .command('replay-ws <file>')
    .description(
      'replay recorded Bybit V5 WebSocket messages (one JSON payload a line, optionally after a receive time; plain, gzip or zip), ' +
        'public and private topics: prints each domain event as a JSON line on stdout (book messages with the local book\'s bestBid/bestAsk after them), ' +
        'then a {"type":"summary",...} line on stdout; malformed lines, sequence gaps and crossed books go to stderr as file:line: message. ' +
        'Exit 1 when any were found.',
    )
    .option('--summary', 'print only the summary line (counts), no event lines: for big files')
    .action(async (file: string, opts: { summary?: boolean }) => {
      // The stream decoders are loaded when a replay runs, not at every start of bybot.
      const { eventLine, replayFoundProblems, replayWsFile } = await import('../../runtime/replay-ws.js');
      const summary = replayWsFile(file, {
        event: (item) => {
          if (!opts.summary) io.out(eventLine(item));
        },
        issue: (issue) => io.err(`${file}:${issue.line}: ${issue.message}`),
      });
      io.out(JSON.stringify({ type: 'summary', ...summary }));
      if (replayFoundProblems(summary)) status.code = 1;
    });
}
