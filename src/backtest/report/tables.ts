// The report's tables as HTML: the monthly returns heatmap, results by exit reason and by side, and every trade.
import type { ClosedTrade, MonthlyReturn } from '../metrics/index.js';
import { duration, escapeHtml as e, num, pct, price, qty, signed, signedPct, utc } from './format.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Cell background: green for gains, red for losses, stronger with the size of the move against the largest month. */
function heat(returnPct: number, scale: number): string {
  if (returnPct === 0 || !Number.isFinite(returnPct)) return 'background:#f4f4f4';
  const strength = Math.min(1, Math.abs(returnPct) / scale);
  const alpha = (0.12 + 0.78 * Math.sqrt(strength)).toFixed(2);
  return returnPct > 0 ? `background:rgba(22,150,110,${alpha})` : `background:rgba(220,50,50,${alpha})`;
}

/** Years down, months across, and the compounded year in the last column. */
export function renderHeatmap(monthly: readonly MonthlyReturn[]): string {
  const byYear = new Map<string, Map<number, number>>();
  for (const { month, returnPct } of monthly) {
    const [year = '', m = ''] = month.split('-');
    const row = byYear.get(year) ?? new Map<number, number>();
    row.set(Number(m) - 1, returnPct);
    byYear.set(year, row);
  }
  if (byYear.size === 0) return '<section id="monthly"><h2>Monthly returns</h2><p class="muted">No equity samples.</p></section>';
  const scale = Math.max(0.01, ...monthly.map((r) => (Number.isFinite(r.returnPct) ? Math.abs(r.returnPct) : 0)));
  const rows = [...byYear.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([year, months]) => {
      let compounded = 1;
      const cells = MONTHS.map((name, i) => {
        const r = months.get(i);
        if (r === undefined) return '<td class="hm-empty"></td>';
        compounded *= 1 + r / 100;
        const label = `${year}-${String(i + 1).padStart(2, '0')}`;
        return `<td class="hm-cell" data-month="${label}" style="${heat(r, scale)}" title="${name} ${e(year)}: ${e(signedPct(r))}">${e(signed(r))}</td>`;
      });
      const yearPct = (compounded - 1) * 100;
      return `<tr><th>${e(year)}</th>${cells.join('')}<td class="hm-year" style="${heat(yearPct, Math.max(scale, Math.abs(yearPct)))}">${e(signed(yearPct))}</td></tr>`;
    });
  return `<section id="monthly"><h2>Monthly returns <span class="muted">(% of equity, UTC months)</span></h2>
<table class="heatmap"><thead><tr><th></th>${MONTHS.map((m) => `<th>${m}</th>`).join('')}<th>Year</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></section>`;
}

interface Group {
  count: number;
  wins: number;
  net: number;
  fees: number;
}

function groupBy(trades: readonly ClosedTrade[], key: (t: ClosedTrade) => string): Array<[string, Group]> {
  const groups = new Map<string, Group>();
  for (const t of trades) {
    const g = groups.get(key(t)) ?? { count: 0, wins: 0, net: 0, fees: 0 };
    g.count++;
    if (t.pnl > 0) g.wins++;
    g.net += t.pnl;
    g.fees += t.fees;
    groups.set(key(t), g);
  }
  return [...groups.entries()].sort(([a, x], [b, y]) => y.count - x.count || a.localeCompare(b));
}

function groupTable(title: string, id: string, rows: Array<[string, Group]>): string {
  const tone = (v: number): string => (v > 0 ? ' pos' : v < 0 ? ' neg' : '');
  const body = rows
    .map(([name, g]) =>
      `<tr><td>${e(name)}</td><td class="n">${g.count}</td><td class="n">${e(pct((g.wins / g.count) * 100, 1))}</td>` +
      `<td class="n${tone(g.net)}">${e(signed(g.net))}</td><td class="n${tone(g.net)}">${e(signed(g.net / g.count))}</td><td class="n">${e(num(g.fees))}</td></tr>`,
    )
    .join('');
  const empty = rows.length === 0 ? '<tr><td colspan="6" class="muted">No trades.</td></tr>' : '';
  return `<div class="card" id="${id}"><h3>${e(title)}</h3><table class="grid"><thead><tr><th></th><th>Trades</th><th>Win rate</th><th>Net PnL</th><th>Avg PnL</th><th>Fees</th></tr></thead><tbody>${body}${empty}</tbody></table></div>`;
}

export function renderBreakdowns(trades: readonly ClosedTrade[]): string {
  return `<section id="breakdowns"><h2>Results by exit reason and by side <span class="muted">(USDT)</span></h2><div class="cards two">
${groupTable('By exit reason', 'by-reason', groupBy(trades, (t) => t.exitReason))}
${groupTable('By side', 'by-side', groupBy(trades, (t) => t.side))}
</div></section>`;
}

/** Every trade, in the order the runner reported them. */
export function renderTradeList(trades: readonly ClosedTrade[], priceDecimals: number): string {
  const rows = trades.map((t, i) => {
    const cls = t.pnl > 0 ? 'pos' : t.pnl < 0 ? 'neg' : '';
    const notional = t.entryPrice * t.quantity;
    const ret = notional > 0 ? (t.pnl / notional) * 100 : NaN;
    return (
      `<tr class="trade ${e(t.side)}"><td class="n">${i + 1}</td><td class="side">${e(t.side)}</td>` +
      `<td>${e(utc(t.entryTime))}</td><td class="n">${e(price(t.entryPrice, priceDecimals))}</td>` +
      `<td>${e(utc(t.exitTime))}</td><td class="n">${e(price(t.exitPrice, priceDecimals))}</td>` +
      `<td class="n">${e(qty(t.quantity))}</td><td class="n">${e(duration(t.exitTime - t.entryTime))}</td>` +
      `<td class="n">${e(num(t.fees))}</td><td class="n">${e(num(t.funding))}</td>` +
      `<td class="n ${cls}">${e(signed(t.pnl))}</td><td class="n ${cls}">${e(signedPct(ret))}</td><td>${e(t.exitReason)}</td></tr>`
    );
  });
  const head = ['#', 'Side', 'Entry (UTC)', 'Entry price', 'Exit (UTC)', 'Exit price', 'Qty', 'Held', 'Fees', 'Funding', 'PnL', 'PnL % of notional', 'Exit reason'];
  const empty = trades.length === 0 ? '<tr><td colspan="13" class="muted">No trades.</td></tr>' : '';
  return `<section id="trades"><h2>Trades <span class="muted">(${trades.length}; money in USDT)</span></h2>
<div class="scroll"><table class="grid trades"><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead>
<tbody>
${rows.join('\n')}${empty}
</tbody></table></div></section>`;
}
