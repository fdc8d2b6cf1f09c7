// A progress bar on an interactive terminal (cli-progress); silent when output goes to a file or CI.
import cliProgress from 'cli-progress';

export interface ProgressReporter {
  update(label: string, done: number, total: number): void;
  stop(): void;
}

export function createProgress(enabled = Boolean(process.stderr.isTTY) && !process.env.CI): ProgressReporter {
  if (!enabled) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { format: '{label} [{bar}] {percentage}% | {value}/{total} | ETA {eta_formatted}', stream: process.stderr, hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let current = '';
  return {
    update(label, done, total) {
      if (!started || label !== current) {
        if (started) bar.stop();
        bar.start(Math.max(total, 1), done, { label: label.padEnd(10) });
        started = true;
        current = label;
      }
      bar.setTotal(Math.max(total, 1));
      bar.update(done, { label: label.padEnd(10) });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
