// The funding-rate CSV in ../shared/data/candles: `timestamp,funding_rate`, rate per interval as a fraction.
import { DataFormatError } from '../../core/errors.js';
import type { FundingSeries } from '../funding-series.js';
import { parseNumericCsv, readLine, skipBom } from './numeric-csv.js';

export const FUNDING_HEADER = 'timestamp,funding_rate';

export function isFundingHeader(bytes: Uint8Array): boolean {
  return readLine(bytes, skipBom(bytes)).text.trim().toLowerCase() === FUNDING_HEADER;
}

export function parseFundingCsv(bytes: Uint8Array, file: string, symbol?: string): FundingSeries {
  const header = readLine(bytes, skipBom(bytes));
  if (header.text.trim().toLowerCase() !== FUNDING_HEADER) {
    throw new DataFormatError(file, 1, `unrecognised header ${JSON.stringify(header.text.slice(0, 80))}; expected "${FUNDING_HEADER}"`);
  }
  const table = parseNumericCsv(bytes, header.next, 2, { fields: ['timestamp', 'funding_rate'], keep: [0, 1], outputs: 2 }, file);
  return { ...(symbol === undefined ? {} : { symbol }), time: table.columns[0]!, rate: table.columns[1]!, length: table.rows };
}
