// Text for the HTML report: HTML escaping and the number, money, ratio, time and duration formats its tables share.

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in HTML content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

const MINUS = '\u2212';
const DASH = '\u2013';

/** Grouped thousands, fixed decimals, a real minus sign; '–' for NaN. Infinities are left to `ratio`. */
export function num(value: number, decimals = 2): string {
  if (Number.isNaN(value)) return DASH;
  if (!Number.isFinite(value)) return value > 0 ? '\u221e' : `${MINUS}\u221e`;
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole = '0', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const body = fraction === undefined ? grouped : `${grouped}.${fraction}`;
  const zero = Number(fixed) === 0;
  return value < 0 && !zero ? `${MINUS}${body}` : body;
}

/** Like `num` with an explicit '+' on positive values (PnL, returns). */
export function signed(value: number, decimals = 2): string {
  const text = num(value, decimals);
  return value > 0 && Number(Math.abs(value).toFixed(decimals)) !== 0 ? `+${text}` : text;
}

export const money = (value: number): string => num(value, 2);
export const pct = (value: number, decimals = 2): string => `${num(value, decimals)} %`;
export const signedPct = (value: number, decimals = 2): string => `${signed(value, decimals)} %`;

/**
 * A ratio that may be unbounded (profit factor without a loss, Calmar without a drawdown): infinities
 * become "∞" / "−∞" with a tooltip saying why, as markup.
 */
export function ratio(value: number, decimals = 2): string {
  if (value === Infinity) return '<span class="inf" title="unbounded: nothing below it (no loss / no drawdown)">\u221e</span>';
  if (value === -Infinity) return `<span class="inf" title="unbounded">${MINUS}\u221e</span>`;
  return escapeHtml(num(value, decimals));
}

/** 'YYYY-MM-DD HH:MM' in UTC. */
export function utc(ms: number): string {
  if (!Number.isFinite(ms)) return DASH;
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

/** 'YYYY-MM-DD' in UTC. */
export const utcDate = (ms: number): string => (Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : DASH);

/** A duration in its two largest units: '3d 4h', '2h 5m', '45m', '12 s', '0'. */
export function duration(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return ms === 0 ? '0' : DASH;
  if (ms < 60_000) return `${num(ms / 1000, ms < 10_000 ? 1 : 0)} s`;
  const minutes = Math.round(ms / 60_000);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return h > 0 ? `${d}d ${h}h` : `${d}d`;
  if (h > 0) return m > 0 ? `${h}h ${m}m` : `${h}h`;
  return `${m}m`;
}

/** Elapsed run time: '850 ms', '12.3 s', '2m 5s'. */
export function elapsed(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return DASH;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${num(ms / 1000, 1)} s`;
  return `${Math.floor(ms / 60_000)}m ${Math.round((ms % 60_000) / 1000)}s`;
}

/** Fewest decimals (at most 8) that show every value exactly at float precision: 213.73 → 2, 0.5123 → 4. */
export function decimalsOf(values: ArrayLike<number>, sample = 2000): number {
  let decimals = 0;
  const step = Math.max(1, Math.floor(values.length / sample));
  for (let i = 0; i < values.length && decimals < 8; i += step) {
    const v = values[i] ?? 0;
    while (decimals < 8 && Math.abs(Number(v.toFixed(decimals)) - v) > Math.abs(v) * 1e-12) decimals++;
  }
  return decimals;
}

/** A price with the series' decimals (at least 2). */
export const price = (value: number, decimals: number): string => num(value, Math.max(2, decimals));

/** A quantity with up to 8 decimals, trailing zeros dropped. */
export function qty(value: number): string {
  const text = num(value, 8);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
