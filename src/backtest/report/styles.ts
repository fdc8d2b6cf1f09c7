// The report's stylesheet: system fonts only, readable on a laptop screen, and a print layout that keeps colours and shows every row.

export const REPORT_CSS = `
*{box-sizing:border-box}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0;padding:20px 28px 40px;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1d2330;background:#fff}
main{max-width:1280px;margin:0 auto}
h1{font-size:22px;margin:0 0 6px}
h2{font-size:17px;margin:28px 0 10px;padding-bottom:4px;border-bottom:1px solid #e3e6ec}
h3{font-size:14px;margin:0 0 8px;color:#3a4252}
code{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f1f3f7;border-radius:4px;padding:1px 5px;margin-right:4px}
.muted{color:#7a8291;font-weight:normal}
.strategy{color:#1f4fd1}
.params{margin:0 0 10px}
.facts{display:flex;flex-wrap:wrap;gap:6px 22px;margin:0}
.facts div{display:flex;gap:6px}
.facts dt{color:#7a8291}
.facts dd{margin:0;font-weight:600}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(290px,1fr));gap:14px}
.cards.two{grid-template-columns:repeat(auto-fit,minmax(420px,1fr))}
.card{border:1px solid #e3e6ec;border-radius:8px;padding:12px 14px;break-inside:avoid}
table{border-collapse:collapse;font-variant-numeric:tabular-nums}
.kv{width:100%}
.kv th{text-align:left;font-weight:normal;color:#4d5566;padding:3px 10px 3px 0;white-space:nowrap}
.kv td{text-align:right;padding:3px 0;font-weight:600}
.kv th,.kv td{vertical-align:top}
.kv td{white-space:nowrap}
.kv .note{font-size:11.5px;font-weight:normal;color:#7a8291;white-space:normal}
.nw{white-space:nowrap}
.pos{color:#0f8a5f}
.neg{color:#c8322f}
.inf{font-size:1.1em}
.grid{width:100%;font-size:13px}
.grid th{position:sticky;top:0;background:#f6f7fa;text-align:right;padding:5px 8px;border-bottom:1px solid #d9dde5;white-space:nowrap;font-weight:600}
.grid th:first-child,.grid td:first-child{text-align:left}
.grid td{padding:3px 8px;border-bottom:1px solid #eef0f4;white-space:nowrap}
.grid td.n{text-align:right}
.grid tbody tr:hover{background:#f3f6fd}
.trades td:nth-child(2),.trades th:nth-child(2),.trades td:last-child,.trades th:last-child,.trades td:nth-child(3),.trades td:nth-child(5),.trades th:nth-child(3),.trades th:nth-child(5){text-align:left}
.trades td:first-child,.trades th:first-child{text-align:right;color:#7a8291}
tr.long td.side{color:#1f4fd1;font-weight:600}
tr.short td.side{color:#d9730d;font-weight:600}
.scroll{max-height:640px;overflow:auto;border:1px solid #e3e6ec;border-radius:8px}
.heatmap{font-size:13px}
.heatmap th{padding:4px 8px;color:#4d5566;font-weight:600}
.heatmap tbody th{text-align:right}
.heatmap td{width:68px;height:30px;text-align:center;border:2px solid #fff;border-radius:4px;color:#14181f}
.heatmap td.hm-empty{background:#fafbfc}
.heatmap td.hm-year{font-weight:700;border-left:6px solid #fff}
.chart-box{position:relative;margin-top:8px}
.chart{position:relative;width:100%;border:1px solid #e3e6ec;border-radius:8px;overflow:hidden}
.chart.price{height:460px}
.chart.equity{height:260px}
.chart.drawdown{height:180px}
.chart-note{font-size:12px;color:#7a8291;margin:4px 0 0}
.legend{position:absolute;left:10px;top:8px;z-index:3;font-size:12px;background:rgba(255,255,255,.85);padding:2px 6px;border-radius:4px;pointer-events:none}
.legend .long{color:#1f4fd1}
.legend .short{color:#d9730d}
.tip{position:absolute;z-index:4;display:none;max-width:340px;font-size:12px;background:#fff;border:1px solid #c9ced8;border-radius:6px;box-shadow:0 2px 8px rgba(0,0,0,.12);padding:6px 8px;pointer-events:none}
.tip div+div{margin-top:4px;padding-top:4px;border-top:1px solid #eef0f4}
.chart-error{padding:20px;color:#c8322f}
#page-errors{border:1px solid #c8322f;background:#fff3f3;color:#8d1f1d;border-radius:8px;padding:8px 12px 8px 28px}
footer{margin-top:30px;font-size:12px;color:#7a8291}
@media print{
  body{padding:0;font-size:11px}
  .chart.price{height:340px}
  .chart.equity{height:220px}
  .chart.drawdown{height:150px}
  .cards,.cards.two{grid-template-columns:1fr 1fr}
  .grid{font-size:9px}
  .grid th,.grid td{padding:2px 3px;white-space:normal}
  .scroll{max-height:none;overflow:visible;border:none}
  .grid th{position:static}
  .chart{break-inside:avoid}
  section{break-inside:auto}
  h2{break-after:avoid}
  .tip{display:none!important}
}
`;
