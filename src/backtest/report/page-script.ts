// The report's browser code (plain ES2017, kept as text): draws the charts from the inlined data, marks them rendered, collects errors.

/**
 * Runs before the chart library: every error on the page is collected in `window.bybotErrors` and shown in
 * the #page-errors box, so a broken report says so instead of showing empty frames.
 */
export const BOOT_SCRIPT = `
window.bybotErrors = [];
window.bybotReportError = function (message) {
  var text = String(message && message.message ? message.message : message);
  window.bybotErrors.push(text);
  var box = document.getElementById('page-errors');
  if (box) { var li = document.createElement('li'); li.textContent = text; box.appendChild(li); box.hidden = false; }
};
window.addEventListener('error', function (e) { window.bybotReportError(e.error || e.message || 'error'); });
window.addEventListener('unhandledrejection', function (e) { window.bybotReportError('unhandled rejection: ' + (e.reason && e.reason.message ? e.reason.message : e.reason)); });
`;

/**
 * Draws the three charts. Each container ends with data-rendered = "true" (the chart drew its canvases with
 * data), "empty" (nothing to draw) or "error" (the message is in #page-errors): tests wait on it.
 */
export const PAGE_SCRIPT = `
(function () {
  'use strict';
  var LONG = '#1f4fd1', SHORT = '#d9730d', UP = '#16966e', DOWN = '#dc3232';
  var report = window.bybotReportError;
  var containers = ['chart-price', 'chart-equity', 'chart-drawdown'];
  var LC = window.LightweightCharts;
  var data;
  try {
    data = JSON.parse(document.getElementById('bybot-data').textContent);
  } catch (err) {
    report('the report data could not be read: ' + err);
  }
  if (!LC) report('the chart library did not load');
  if (!LC || !data) {
    containers.forEach(function (id) { var el = document.getElementById(id); if (el) el.setAttribute('data-rendered', 'error'); });
    return;
  }
  /** The chart objects, for a reader's console and for tests that aim at a marker. */
  window.bybotCharts = {};
  var chartData = data.chart;
  var trades = data.result.trades;

  /** Charts are sized by hand, not autoSize, so they can be redrawn synchronously at the paper's width when printing. */
  var sized = [];
  function fit() {
    sized.forEach(function (s) { if (s.el.clientWidth > 0) s.chart.resize(s.el.clientWidth, s.el.clientHeight, true); });
  }
  window.addEventListener('resize', fit);
  window.addEventListener('beforeprint', fit);
  window.addEventListener('afterprint', fit);
  if (window.matchMedia) {
    var print = window.matchMedia('print');
    if (print.addEventListener) print.addEventListener('change', fit);
  }
  function create(el, extra) {
    var chart = LC.createChart(el, options(extra));
    chart.resize(el.clientWidth, el.clientHeight);
    sized.push({ el: el, chart: chart });
    return chart;
  }

  function options(extra) {
    var o = {
      layout: { background: { type: 'solid', color: '#ffffff' }, textColor: '#4d5566', fontSize: 11,
        fontFamily: 'system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif', attributionLogo: false },
      grid: { vertLines: { color: '#f1f3f6' }, horzLines: { color: '#f1f3f6' } },
      rightPriceScale: { borderColor: '#d9dde5', minimumWidth: 90 },
      timeScale: { borderColor: '#d9dde5', timeVisible: true, secondsVisible: false, minBarSpacing: 0.001 },
      localization: { dateFormat: 'yyyy-MM-dd' }
    };
    for (var k in extra) o[k] = extra[k];
    return o;
  }

  function pad(n) { return n < 10 ? '0' + n : String(n); }
  function utc(seconds) {
    var d = new Date(seconds * 1000);
    return d.getUTCFullYear() + '-' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate()) + ' ' + pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes());
  }
  function fixed(v, d) { return (v > 0 ? '+' : '') + v.toFixed(d); }
  function esc(s) { var div = document.createElement('div'); div.textContent = String(s); return div.innerHTML; }
  function line(l) { var out = new Array(l.time.length); for (var i = 0; i < out.length; i++) out[i] = { time: l.time[i], value: l.value[i] }; return out; }

  /** Marks the container once its canvases have a size and two frames have been painted after setData. */
  function whenDrawn(el) {
    var frames = 0;
    function tick() {
      var sized = false;
      var canvases = el.querySelectorAll('canvas');
      for (var i = 0; i < canvases.length; i++) if (canvases[i].width > 0 && canvases[i].height > 0) sized = true;
      if (sized && frames >= 2) { el.setAttribute('data-rendered', 'true'); return; }
      if (frames++ > 600) { fail(el, 'the chart did not draw'); return; }
      requestAnimationFrame(tick);
    }
    requestAnimationFrame(tick);
  }
  function fail(el, err) {
    report(el.id + ': ' + (err && err.message ? err.message : err));
    var box = document.createElement('div'); box.className = 'chart-error'; box.textContent = 'This chart could not be drawn: ' + (err && err.message ? err.message : err);
    el.appendChild(box);
    el.setAttribute('data-rendered', 'error');
  }
  function render(id, draw) {
    var el = document.getElementById(id);
    if (!el) return;
    try {
      if (draw(el) === false) {
        var box = document.createElement('div'); box.className = 'chart-error muted'; box.textContent = 'No data to draw.';
        el.appendChild(box);
        el.setAttribute('data-rendered', 'empty');
      } else {
        whenDrawn(el);
      }
    } catch (err) { fail(el, err); }
  }

  render('chart-price', function (el) {
    var c = chartData.candles;
    if (c.time.length === 0) return false;
    var rows = new Array(c.time.length);
    for (var i = 0; i < rows.length; i++) rows[i] = { time: c.time[i], open: c.open[i], high: c.high[i], low: c.low[i], close: c.close[i] };
    var chart = create(el, {});
    chart.applyOptions({ layout: { attributionLogo: true } });
    var decimals = chartData.priceDecimals;
    var series = chart.addSeries(LC.CandlestickSeries, {
      upColor: '#26a69a', downColor: '#ef5350', wickUpColor: '#26a69a', wickDownColor: '#ef5350', borderVisible: false,
      priceLineVisible: false, priceFormat: { type: 'price', precision: decimals, minMove: Number(Math.pow(10, -decimals).toFixed(decimals)) }
    });
    series.setData(rows);
    var labels = trades.length <= 40;
    var barIndex = {};
    for (var j = 0; j < c.time.length; j++) barIndex[c.time[j]] = j;
    var markers = chartData.markers.map(function (m) {
      var t = trades[m.trade];
      var long = m.side === 'long';
      var up = (m.kind === 'entry') === long;
      var text = labels && m.kind === 'exit' ? t.exitReason : '';
      return { time: m.time, position: up ? 'atPriceBottom' : 'atPriceTop', price: m.price, shape: up ? 'arrowUp' : 'arrowDown',
        color: long ? LONG : SHORT, text: text, size: 1 };
    });
    var bars = chartData.markers.map(function (m) { return barIndex[m.time]; });
    LC.createSeriesMarkers(series, markers);
    window.bybotCharts.price = { chart: chart, series: series };
    chart.timeScale().fitContent();

    var legend = document.getElementById('legend-price');
    var tip = document.getElementById('tip-price');
    var legendHint = '<span class="long">&#9650;&#9660; long</span> &nbsp; <span class="short">&#9650;&#9660; short</span> &nbsp; hover a marker for its trade';
    if (legend) legend.innerHTML = legendHint;
    /** Markers within a few pixels of the cursor, nearest first: at full zoom-out a pixel holds many bars. */
    function near(point) {
      var lo = chart.timeScale().coordinateToLogical(point.x - 8), hi = chart.timeScale().coordinateToLogical(point.x + 8);
      if (lo === null || hi === null) return [];
      var a = 0, b = bars.length;
      while (a < b) { var mid = (a + b) >> 1; if (bars[mid] < Math.floor(lo)) a = mid + 1; else b = mid; }
      var found = [];
      for (var k = a; k < bars.length && bars[k] <= Math.ceil(hi); k++) {
        var m = chartData.markers[k], x = chart.timeScale().logicalToCoordinate(bars[k]), y = series.priceToCoordinate(m.price);
        if (x === null || y === null || Math.abs(y - point.y) > 22) continue;
        found.push({ m: m, d: Math.abs(x - point.x) + Math.abs(y - point.y) });
      }
      return found.sort(function (p, q) { return p.d - q.d; }).map(function (f) { return f.m; });
    }
    chart.subscribeCrosshairMove(function (param) {
      var bar = param.time !== undefined ? param.seriesData.get(series) : undefined;
      if (legend) legend.innerHTML = bar
        ? esc(utc(param.time)) + ' UTC &nbsp; O ' + bar.open.toFixed(decimals) + ' H ' + bar.high.toFixed(decimals) + ' L ' + bar.low.toFixed(decimals) + ' C ' + bar.close.toFixed(decimals)
        : legendHint;
      if (!tip) return;
      var here = param.point ? near(param.point) : [];
      if (here.length === 0) { tip.style.display = 'none'; return; }
      tip.innerHTML = here.slice(0, 4).map(function (m) {
        var t = trades[m.trade];
        var what = m.kind === 'entry'
          ? 'entry ' + esc(t.side) + ' @ ' + t.entryPrice.toFixed(decimals)
          : 'exit ' + esc(t.side) + ' @ ' + t.exitPrice.toFixed(decimals) + ' (' + esc(t.exitReason) + ')';
        return '<div><b>#' + (m.trade + 1) + '</b> ' + what + '<br>' + utc(m.kind === 'entry' ? t.entryTime / 1000 : t.exitTime / 1000) +
          ', qty ' + t.quantity + ', PnL <b style="color:' + (t.pnl >= 0 ? UP : DOWN) + '">' + fixed(t.pnl, 2) + '</b> USDT</div>';
      }).join('') + (here.length > 4 ? '<div class="muted">and ' + (here.length - 4) + ' more here; zoom in</div>' : '');
      tip.style.display = 'block';
      var x = param.point.x + 16, y = param.point.y + 16;
      if (x + tip.offsetWidth > el.clientWidth) x = param.point.x - tip.offsetWidth - 16;
      if (y + tip.offsetHeight > el.clientHeight) y = Math.max(0, param.point.y - tip.offsetHeight - 16);
      tip.style.left = x + 'px'; tip.style.top = y + 'px';
    });
    return true;
  });

  render('chart-equity', function (el) {
    if (chartData.equity.time.length === 0) return false;
    var chart = create(el, {});
    var series = chart.addSeries(LC.BaselineSeries, {
      baseValue: { type: 'price', price: chartData.initialEquity }, lineWidth: 2, priceLineVisible: false,
      topLineColor: UP, topFillColor1: 'rgba(22,150,110,0.28)', topFillColor2: 'rgba(22,150,110,0.04)',
      bottomLineColor: DOWN, bottomFillColor1: 'rgba(220,50,50,0.04)', bottomFillColor2: 'rgba(220,50,50,0.28)',
      priceFormat: { type: 'price', precision: 2, minMove: 0.01 }
    });
    series.setData(line(chartData.equity));
    window.bybotCharts.equity = { chart: chart, series: series };
    chart.timeScale().fitContent();
    return true;
  });

  render('chart-drawdown', function (el) {
    if (chartData.drawdown.time.length === 0) return false;
    var chart = create(el, {});
    var series = chart.addSeries(LC.BaselineSeries, {
      baseValue: { type: 'price', price: 0 }, lineWidth: 1, priceLineVisible: false,
      topLineColor: DOWN, topFillColor1: 'rgba(0,0,0,0)', topFillColor2: 'rgba(0,0,0,0)',
      bottomLineColor: DOWN, bottomFillColor1: 'rgba(220,50,50,0.10)', bottomFillColor2: 'rgba(220,50,50,0.45)',
      priceFormat: { type: 'custom', minMove: 0.01, formatter: function (v) { return v.toFixed(2) + ' %'; } }
    });
    series.setData(line(chartData.drawdown));
    window.bybotCharts.drawdown = { chart: chart, series: series };
    chart.timeScale().fitContent();
    return true;
  });
})();
`;
