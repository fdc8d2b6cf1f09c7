// The bot as a real process for crash tests: the CLI built once into node_modules/.cache, started with `live`, killed with SIGKILL or stopped with SIGTERM.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
/** Inside the repository so the build finds node_modules; never committed (node_modules is ignored). */
const OUT = join(repo, 'node_modules', '.cache', 'bybot-crash-dist');

/** Builds the CLI from the current sources (a stale dist/ would test old code). */
export function buildCli(): string {
  execFileSync(process.execPath, [join(repo, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(repo, 'tsconfig.build.json'), '--outDir', OUT, '--declaration', 'false'], { stdio: 'pipe' });
  const main = join(OUT, 'cli', 'main.js');
  if (!existsSync(main)) throw new Error(`the CLI build left no ${main}`);
  return main;
}

export class BotProcess {
  readonly lines: string[] = [];
  private readonly child: ChildProcess;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(main: string, args: readonly string[], env: Readonly<Record<string, string>>) {
    this.child = spawn(process.execPath, [main, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const collect = (chunk: Buffer) => this.lines.push(...chunk.toString().split('\n').filter(Boolean));
    this.child.stdout!.on('data', collect);
    this.child.stderr!.on('data', collect);
    this.exited = new Promise((resolveExit) => this.child.once('exit', (code, signal) => resolveExit({ code, signal })));
  }

  get text(): string {
    return this.lines.join('\n');
  }

  /** Resolves once a printed line matches `pattern`; fails with everything printed after `timeoutMs`. */
  async waitFor(pattern: RegExp, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const line = this.lines.find((l) => pattern.test(l));
      if (line !== undefined) return line;
      if (Date.now() > deadline) throw new Error(`no line matching ${pattern} within ${timeoutMs} ms; the bot printed:\n${this.text}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  kill(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }
}
