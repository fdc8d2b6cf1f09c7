// `bybot indicators`: chosen indicators and features computed over a candle file, one row per candle.
import { InputError, describeValue } from '../core/errors.js';
import { FEATURE_SPECS } from '../features/registry.js';
import { batch, resolveParams, type IndicatorSpec } from '../indicators/contract.js';
import { INDICATOR_SPECS } from '../indicators/registry.js';
import { loadCandleFile } from '../data/load-history.js';
import type { DataContext } from './data-files.js';

export const ALL_SPECS: readonly IndicatorSpec[] = [...INDICATOR_SPECS, ...FEATURE_SPECS];

export interface IndicatorRequest {
  readonly spec: IndicatorSpec;
  readonly params: number[];
  /** Column names, one per output: `rsi_14`, or `bb_20_2_upper` for multi-output indicators. */
  readonly columns: string[];
}

/** Parses `rsi:14,ema:20,bb:20:2` (parameters left out take their defaults), naming the part that is wrong. */
export function parseIndicatorList(text: string, argument = '--ind'): IndicatorRequest[] {
  const parts = text.split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length === 0) throw new InputError(`${argument}: no indicator given; e.g. rsi:14,ema:20,bb:20:2`);
  const requests = parts.map((part) => {
    const [name = '', ...rawParams] = part.split(':');
    const spec = ALL_SPECS.find((s) => s.name === name.toLowerCase());
    if (!spec) throw new InputError(`${argument}: unknown indicator ${describeValue(name)}; known: ${ALL_SPECS.map((s) => s.name).join(', ')}`);
    const given = rawParams.map((raw) => {
      const value = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(value)) throw new InputError(`${argument} ${part}: parameter ${describeValue(raw)} is not a number`);
      return value;
    });
    let params: number[];
    try {
      params = resolveParams(spec, given);
    } catch (error) {
      throw new InputError(`${argument} ${part}: ${(error as Error).message}`);
    }
    const base = [spec.name, ...params.map(String)].join('_');
    const columns = spec.outputs.length === 1 ? [base] : spec.outputs.map((o) => `${base}_${o}`);
    return { spec, params, columns };
  });
  const names = requests.flatMap((r) => r.columns);
  const repeated = names.find((n, i) => names.indexOf(n) !== i);
  if (repeated) throw new InputError(`${argument}: column ${repeated} is asked for twice`);
  return requests;
}

export interface IndicatorTable {
  readonly columns: string[];
  readonly timestamps: Float64Array;
  /** One array per column, NaN before warm-up. */
  readonly values: Float64Array[];
}

export function computeIndicatorTable(ctx: DataContext, file: string, requests: readonly IndicatorRequest[]): IndicatorTable {
  const { series } = loadCandleFile(file, { cacheDir: ctx.cacheDir });
  if (series.length === 0) throw new InputError(`${file}: no candles`);
  const c = series.columns;
  // The series' own column set, not a bar-shaped literal (see ColumnSet: a literal would make every candle's fields generic).
  const values = requests.flatMap((r) => batch(r.spec, r.params, c));
  return { columns: ['timestamp', ...requests.flatMap((r) => r.columns)], timestamps: c.time, values };
}

/** CSV text: empty fields before warm-up. */
export function tableToCsv(table: IndicatorTable): string {
  const lines = [table.columns.join(',')];
  for (let i = 0; i < table.timestamps.length; i++) {
    let line = String(table.timestamps[i]);
    for (const column of table.values) line += Number.isNaN(column[i]!) ? ',' : `,${column[i]}`;
    lines.push(line);
  }
  return `${lines.join('\n')}\n`;
}

/** One JSON object per candle: `{ "timestamp": ms, "rsi_14": 48.2, ... }`, null before warm-up. */
export function* tableToJsonLines(table: IndicatorTable): Generator<string> {
  for (let i = 0; i < table.timestamps.length; i++) {
    const row: Record<string, number | null> = { timestamp: table.timestamps[i]! };
    table.values.forEach((column, k) => (row[table.columns[k + 1]!] = Number.isNaN(column[i]!) ? null : column[i]!));
    yield JSON.stringify(row);
  }
}
