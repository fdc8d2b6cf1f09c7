// The self-contained HTML backtest report: one file with its data, chart library, styles and script inlined, opening offline.
import type { BacktestResult } from '../result.js';
import { chartLibrarySource, embedJson, scriptText } from './assets.js';
import { buildChartData, type ChartData } from './chart-data.js';
import { escapeHtml as e, num } from './format.js';
import { BOOT_SCRIPT, PAGE_SCRIPT } from './page-script.js';
import { REPORT_CSS } from './styles.js';
import { renderHeader, renderSummary } from './summary.js';
import { renderBreakdowns, renderHeatmap, renderTradeList } from './tables.js';

export { MAX_CHART_CANDLES, MAX_LINE_POINTS } from './chart-data.js';

/** Nothing may be fetched: the report is one file and must open the same way offline, years later. */
const CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";

/**
 * The report as one HTML document. The data block `<script type="application/json" id="bybot-data">` holds
 * `{ result, chart }`: the result without its per-candle `equity` and `prices` (infinities as null, as in
 * resultToJson), and the series the charts draw, thinned to at most MAX_CHART_CANDLES bars and
 * MAX_LINE_POINTS points per line. The tables (summary, heatmap, breakdowns, every trade) are static
 * HTML, readable and printable without the script.
 */
export function renderHtmlReport(result: BacktestResult): string {
  const chart = buildChartData(result);
  const { equity: _equity, prices: _prices, ...rest } = result;
  const data = embedJson({ result: rest, chart });
  const title = `${result.strategy.name} ${result.symbol} ${result.timeframe} backtest`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="generator" content="bybot">
<title>${e(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<ul id="page-errors" hidden></ul>
<script>${scriptText(BOOT_SCRIPT, 'boot script')}</script>
${renderHeader(result)}
${renderSummary(result.metrics)}
${renderCharts(chart)}
${renderHeatmap(result.metrics.monthlyReturns)}
${renderBreakdowns(result.trades)}
${renderTradeList(result.trades, chart.priceDecimals)}
<footer>Report by bybot. Times are UTC; money is USDT; percentages are percent.
Charts drawn with TradingView Lightweight Charts™ — Copyright © TradingView, Inc., https://www.tradingview.com/ — Apache License 2.0.</footer>
</main>
<script type="application/json" id="bybot-data">${data}</script>
<script>${chartLibrarySource()}</script>
<script>${scriptText(PAGE_SCRIPT, 'page script')}</script>
</body>
</html>
`;
}

function renderCharts(chart: ChartData): string {
  const bars = chart.candles.time.length;
  const priceNote =
    chart.candlesPerBar > 1
      ? `${num(chart.sourceCandles, 0)} candles merged into ${num(bars, 0)} bars of ${chart.candlesPerBar} (first open, highest high, lowest low, last close) to keep the chart fast; markers sit on the bar holding the fill.`
      : `${num(bars, 0)} candles.`;
  const lineNote =
    chart.equity.time.length < chart.sourceEquityPoints
      ? ` ${num(chart.sourceEquityPoints, 0)} samples thinned to each interval's lowest and highest point.`
      : '';
  const box = (id: string, kind: string, extra = ''): string =>
    `<div class="chart-box"><div id="${id}" class="chart ${kind}" data-chart="${kind}"></div>${extra}</div>`;
  return `<section id="charts">
<h2>Price <span class="muted">with entries and exits</span></h2>
${box('chart-price', 'price', '<div class="legend" id="legend-price"></div><div class="tip" id="tip-price"></div>')}
<p class="chart-note">${e(priceNote)} Arrows: <span style="color:#1f4fd1">long</span>, <span style="color:#d9730d">short</span>; ▲ buys, ▼ sells, at the fill price.</p>
<h2>Equity <span class="muted">(USDT, marked to market each candle; green above the initial equity)</span></h2>
${box('chart-equity', 'equity')}
<h2>Drawdown <span class="muted">(% below the running peak)</span></h2>
${box('chart-drawdown', 'drawdown')}
${lineNote ? `<p class="chart-note">${e(lineNote.trim())}</p>` : ''}
</section>`;
}
