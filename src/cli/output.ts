// How the CLI prints: aligned tables for people, one JSON object per line for programs.

export interface Output {
  out(line: string): void;
  err(line: string): void;
}

export const consoleOutput: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

export function isoTime(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '-';
  return new Date(ms).toISOString().replace(':00.000Z', 'Z').replace('.000Z', 'Z');
}

/** Left-aligned columns, numbers right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string[] {
  const cells = [header, ...rows].map((row) => row.map((c) => String(c)));
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i]?.length ?? 0)));
  return cells.map((row, r) =>
    row
      .map((cell, i) => (r > 0 && typeof rows[r - 1]![i] === 'number' ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
}
