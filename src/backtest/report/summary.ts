// The report's header (what was run, on what, how long it took) and its metrics summary, as HTML.
import type { BacktestMetrics } from '../metrics/index.js';
import type { BacktestResult } from '../result.js';
import { duration, elapsed, escapeHtml, money, num, pct, ratio, signed, signedPct, utc, utcDate } from './format.js';

/** One metric row: a label, already-safe markup for the value, a class for colouring (pos / neg), and a smaller note under it. */
type Row = readonly [label: string, value: string, tone?: 'pos' | 'neg' | '', note?: string];

const tone = (value: number): 'pos' | 'neg' | '' => (value > 0 ? 'pos' : value < 0 ? 'neg' : '');
const e = escapeHtml;

export function renderHeader(result: BacktestResult): string {
  const params = Object.entries(result.strategy.params);
  const paramList = params.length === 0 ? '<span class="muted">defaults</span>' : params.map(([k, v]) => `<code>${e(k)}=${e(String(v))}</code>`).join(' ');
  const days = (result.period.end - result.period.start) / 86_400_000;
  const s = result.settings;
  const facts: Row[] = [
    ['Symbol', e(result.symbol)],
    ['Timeframe', e(result.timeframe)],
    ['Period (UTC)', `${e(utc(result.period.start))} → ${e(utc(result.period.end))} <span class="muted">(${e(num(days, 1))} days)</span>`],
    ['Candles', e(num(result.candles, 0))],
    ['Elapsed', e(elapsed(result.elapsedMs))],
    ['Initial equity', `${e(money(s.initialEquity))} USDT`],
    ['Fees', `taker ${e(num(s.takerFee * 100, 3))} %, maker ${e(num(s.makerFee * 100, 3))} %`],
    ['Slippage', e(s.slippage)],
  ];
  return `<header>
<h1>Backtest: <span class="strategy">${e(result.strategy.name)}</span> <span class="muted">on</span> ${e(result.symbol)} ${e(result.timeframe)}</h1>
<p class="params">Parameters: ${paramList}</p>
<dl class="facts">${facts.map(([k, v]) => `<div><dt>${e(k)}</dt><dd>${v}</dd></div>`).join('')}</dl>
</header>`;
}

export function renderSummary(m: BacktestMetrics): string {
  const groups: Array<readonly [string, Row[]]> = [
    ['Returns', returnRows(m)],
    ['Risk', riskRows(m)],
    ['Trades', tradeRows(m)],
    ['Holding and costs', costRows(m)],
  ];
  const cards = groups.map(([title, rows]) => {
    const body = rows
      .map(([label, value, t, note]) => `<tr><th>${e(label)}</th><td${t ? ` class="${t}"` : ''}>${value}${note ? `<div class="note">${note}</div>` : ''}</td></tr>`)
      .join('');
    return `<div class="card"><h3>${e(title)}</h3><table class="kv">${body}</table></div>`;
  });
  return `<section id="summary"><h2>Summary</h2><div class="cards">${cards.join('')}</div></section>`;
}

function returnRows(m: BacktestMetrics): Row[] {
  const day = (d: BacktestMetrics['bestDay']): Row[1] => (d ? e(signedPct(d.pct)) : '–');
  const dayNote = (d: BacktestMetrics['bestDay']): string => (d ? `${e(signed(d.pnl))} USDT on ${e(d.date)}` : '');
  return [
    ['Net profit', `${e(signed(m.netProfit))} USDT`, tone(m.netProfit)],
    ['Net profit %', e(signedPct(m.netProfitPct)), tone(m.netProfitPct)],
    ['Final equity', `${e(money(m.finalEquity))} USDT`],
    ['CAGR', e(signedPct(m.cagrPct)), tone(m.cagrPct)],
    ['Buy & hold', e(signedPct(m.buyAndHoldPct)), tone(m.buyAndHoldPct)],
    ['Gross profit', `${e(money(m.grossProfit))} USDT`],
    ['Gross loss', `${e(money(m.grossLoss))} USDT`],
    ['Best day', day(m.bestDay), tone(m.bestDay?.pct ?? 0), dayNote(m.bestDay)],
    ['Worst day', day(m.worstDay), tone(m.worstDay?.pct ?? 0), dayNote(m.worstDay)],
  ];
}

function riskRows(m: BacktestMetrics): Row[] {
  const date = (ms: number | null): string => (ms === null ? '–' : `<span title="${e(utc(ms))} UTC">${e(utcDate(ms))}</span>`);
  const recovered = m.maxDrawdownStart === null ? '–' : m.maxDrawdownRecovered ? date(m.maxDrawdownEnd) : 'not recovered';
  return [
    ['Sharpe (daily, ×√365)', ratio(m.sharpe), tone(m.sharpe)],
    ['Sortino', ratio(m.sortino), tone(m.sortino)],
    ['Calmar', ratio(m.calmar), tone(m.calmar)],
    ['Omega', ratio(m.omega)],
    ['Max drawdown', e(pct(m.maxDrawdownPct)), m.maxDrawdownPct > 0 ? 'neg' : '', `${e(money(m.maxDrawdown))} USDT`],
    ['Drawdown duration', e(duration(m.maxDrawdownDurationMs)), '', m.maxDrawdownRecovered ? '' : 'to the period end'],
    ['Drawdown peak', date(m.maxDrawdownStart)],
    ['Drawdown trough', date(m.maxDrawdownTrough)],
    ['Recovered', recovered],
    ['Exposure', e(pct(m.exposurePct))],
  ];
}

function tradeRows(m: BacktestMetrics): Row[] {
  return [
    ['Trades', e(num(m.trades, 0)), '', `${m.longTrades} long, ${m.shortTrades} short`],
    ['Wins / losses / even', `${m.wins} / ${m.losses} / ${m.breakevens}`],
    ['Win rate', e(pct(m.winRate)), '', `<span class="nw">long ${e(pct(m.winRateLong, 1))}</span>, <span class="nw">short ${e(pct(m.winRateShort, 1))}</span>`],
    ['Profit factor', ratio(m.profitFactor), m.profitFactor > 1 ? 'pos' : m.profitFactor < 1 ? 'neg' : ''],
    ['Expectancy', `${e(signed(m.expectancy))} USDT`, tone(m.expectancy), m.expectancyR === undefined ? '' : `${e(signed(m.expectancyR))} R per trade`],
    ['Average win', e(money(m.averageWin))],
    ['Average loss', e(money(m.averageLoss))],
    ['Win / loss ratio', ratio(m.winLossRatio)],
    ['Largest win', e(money(m.largestWin))],
    ['Largest loss', e(money(m.largestLoss))],
    ['Longest streaks', `${m.maxConsecutiveWins} wins, ${m.maxConsecutiveLosses} losses`],
    ['Trades per day', e(num(m.tradesPerDay, 2))],
  ];
}

function costRows(m: BacktestMetrics): Row[] {
  return [
    ['Average holding', e(duration(m.averageHoldingMs))],
    ['Median holding', e(duration(m.medianHoldingMs))],
    ['Holding, winners', e(duration(m.averageHoldingWinnersMs))],
    ['Holding, losers', e(duration(m.averageHoldingLosersMs))],
    ['Fees paid', `${e(money(m.feesPaid))} USDT`],
    ['Funding paid', `${e(money(m.fundingPaid))} USDT`],
    ['Slippage paid', `${e(money(m.slippagePaid))} USDT`, '', 'already in the fill prices'],
  ];
}
