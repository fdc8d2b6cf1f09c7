// The HTML report: what the file contains (unit), and that it opens offline in headless Chromium and draws its charts (end to end).
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BacktestResult } from '../result.js';
import { MAX_CHART_CANDLES, renderHtmlReport } from './html.js';
import { buildFixture, withoutCandles } from './test-support/fixture.js';
import { writeHtmlReport } from './write.js';

/** The JSON inside the data block, parsed. */
function dataBlock(html: string): { result: BacktestResult; chart: { candles: { time: number[] }; markers: unknown[] } } {
  const match = /<script type="application\/json" id="bybot-data">([\s\S]*?)<\/script>/.exec(html);
  if (!match?.[1]) throw new Error('no data block');
  return JSON.parse(match[1]) as never;
}

/** The markup with every script's content removed (the chart library mentions URLs in its code and licence). */
const markupOnly = (html: string): string => html.replace(/(<script\b[^>]*>)[\s\S]*?(<\/script>)/gi, '$1$2');

describe('renderHtmlReport', () => {
  const base = buildFixture({ candles: 'synthetic' }).result;
  const html = renderHtmlReport(base);

  it('inlines the data, the chart library and the page script in one document', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    const data = dataBlock(html);
    expect(data.result.trades).toHaveLength(base.trades.length);
    expect(data.result.metrics.netProfit).toBeCloseTo(base.metrics.netProfit, 9);
    expect(data.chart.candles.time).toHaveLength(base.prices.time.length);
    expect(data.chart.markers).toHaveLength(2 * base.trades.length);
    expect(html).toContain('TradingView Lightweight Charts');
    expect(html).toContain('id="chart-price"');
    expect((html.match(/<script\b/g) ?? []).length).toBe(4);
  });

  it('escapes a hostile strategy name, parameter and exit reason everywhere', () => {
    const evil = '</script><script>alert(1)</script><!--';
    const trades = base.trades.map((t, i) => (i === 0 ? { ...t, exitReason: '<img src=x onerror=alert(2)>' } : t));
    const page = renderHtmlReport({ ...base, strategy: { name: evil, params: { [evil]: evil } }, trades });
    expect(page).not.toContain('<script>alert(1)');
    expect(page).not.toContain('<img src=x');
    expect((page.match(/<\/script>/g) ?? []).length).toBe(4);
    expect(page).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    const data = dataBlock(page);
    expect(data.result.strategy.name).toBe(evil);
    expect(data.result.trades[0]?.exitReason).toBe('<img src=x onerror=alert(2)>');
  });

  it('references nothing on the network and forbids fetching with a content security policy', () => {
    const markup = markupOnly(html);
    expect(markup).not.toMatch(/\b(?:src|href|srcset|action|poster|data)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expect(markup).not.toMatch(/<(?:link|img|iframe|object|embed)\b/i);
    expect(markup).not.toMatch(/url\(|@import/i);
    expect(html).not.toMatch(/<script\b[^>]*\bsrc=/i);
    expect(html).toContain(`content="default-src 'none';`);
  });

  it('shows an infinite profit factor as ∞ and writes it as null in the data', () => {
    const page = renderHtmlReport({ ...base, metrics: { ...base.metrics, profitFactor: Infinity, calmar: -Infinity } });
    const row = /<th>Profit factor<\/th><td[^>]*>(.*?)<\/td>/.exec(page)?.[1] ?? '';
    expect(row).toContain('∞');
    expect(row).toContain('unbounded');
    expect(/<th>Calmar<\/th><td[^>]*>(.*?)<\/td>/.exec(page)?.[1]).toContain('−∞');
    expect(dataBlock(page).result.metrics.profitFactor).toBeNull();
  });

  it('has a heatmap cell per month and a row per trade', () => {
    expect((html.match(/class="hm-cell"/g) ?? []).length).toBe(base.metrics.monthlyReturns.length);
    expect((html.match(/<tr class="trade /g) ?? []).length).toBe(base.trades.length);
    expect(html).toContain('id="by-reason"');
    expect(html).toContain('id="by-side"');
  });

  it('thins a long run for the chart but lists every trade', () => {
    const big = buildFixture({ candles: 'synthetic', syntheticCount: 60_000, trades: 2_000 }).result;
    const page = renderHtmlReport(big);
    const data = dataBlock(page);
    expect(data.chart.candles.time.length).toBeLessThanOrEqual(MAX_CHART_CANDLES);
    expect(data.chart.candles.time.length).toBeGreaterThan(MAX_CHART_CANDLES / 2);
    expect((page.match(/<tr class="trade /g) ?? []).length).toBe(2_000);
    expect(page).toContain('60,000 candles merged into');
  });

  it('renders a run without trades or candles', () => {
    const empty: BacktestResult = { ...withoutCandles(base), trades: [] };
    const page = renderHtmlReport(empty);
    expect(page).toContain('No trades.');
    expect(dataBlock(page).chart.candles.time).toHaveLength(0);
  });
});

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium && !process.env['CI']) console.warn(`skipping the browser test: ${CHROMIUM} is missing (it runs, and fails, when CI is set)`);

/** Counts the distinct colours (4 bits per channel) of a PNG and the share of pixels that are not near-white, decoded by the browser. */
async function pixelStats(page: Page, png: Buffer): Promise<{ colours: number; inked: number }> {
  return (await page.evaluate(`(async () => {
    const img = new Image();
    img.src = 'data:image/png;base64,${png.toString('base64')}';
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width; canvas.height = img.height;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, img.width, img.height).data;
    const seen = new Set(); let inked = 0;
    for (let i = 0; i < d.length; i += 4) {
      seen.add(((d[i] >> 4) << 8) | ((d[i + 1] >> 4) << 4) | (d[i + 2] >> 4));
      if (d[i] < 235 || d[i + 1] < 235 || d[i + 2] < 235) inked++;
    }
    return { colours: seen.size, inked: inked / (d.length / 4) };
  })()`)) as { colours: number; inked: number };
}

describe.skipIf(!hasChromium && !process.env['CI'])('the HTML report in headless Chromium', () => {
  let browser: Browser | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'bybot-report-'));

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Opens a report with every non-file request aborted and recorded, and waits until each chart has settled. */
  async function open(file: string): Promise<{ page: Page; errors: string[]; blocked: string[]; states: string[] }> {
    const page = await browser!.newPage({ viewport: { width: 1360, height: 900 } });
    const errors: string[] = [];
    const blocked: string[] = [];
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    await page.route('**', (route) => {
      if (route.request().url().startsWith('file:')) return route.continue();
      blocked.push(route.request().url());
      return route.abort();
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    // Polled from here: the page's content security policy forbids the string evaluation waitForFunction uses.
    await expect.poll(() => page.locator('[data-chart]:not([data-rendered])').count(), { timeout: 15_000 }).toBe(0);
    const states = (await page.evaluate(`[...document.querySelectorAll('[data-chart]')].map((el) => el.id + '=' + el.getAttribute('data-rendered'))`)) as string[];
    return { page, errors, blocked, states };
  }

  it('opens offline, draws every chart, and shows every trade and month', async () => {
    const { result, source } = buildFixture({ candles: 'shared' });
    const file = join(dir, 'report.html');
    writeHtmlReport(file, result);
    const { page, errors, blocked, states } = await open(file);
    expect(states).toEqual(['chart-price=true', 'chart-equity=true', 'chart-drawdown=true']);

    for (const id of ['chart-price', 'chart-equity', 'chart-drawdown']) {
      const chart = page.locator(`#${id}`);
      const box = await chart.boundingBox();
      expect(box?.width, id).toBeGreaterThan(300);
      expect(box?.height, id).toBeGreaterThan(100);
      const canvases = (await page.evaluate(`[...document.querySelectorAll('#${id} canvas')].filter((c) => c.width > 0 && c.height > 0).length`)) as number;
      expect(canvases, id).toBeGreaterThan(0);
      const stats = await pixelStats(page, await chart.screenshot());
      expect(stats.colours, `${id} colours`).toBeGreaterThan(8);
      expect(stats.inked, `${id} inked share`).toBeGreaterThan(0.01);
    }

    expect(await page.locator('#trades tbody tr.trade').count()).toBe(result.trades.length);
    expect(await page.locator('.heatmap td.hm-cell').count()).toBe(result.metrics.monthlyReturns.length);
    expect(result.metrics.monthlyReturns.length).toBeGreaterThan(0);

    // The crosshair drives the legend: moving over the price chart must not throw.
    await page.locator('#chart-price').scrollIntoViewIfNeeded();
    const priceBox = (await page.locator('#chart-price').boundingBox())!;
    await page.mouse.move(priceBox.x + priceBox.width / 2, priceBox.y + priceBox.height / 2);
    await page.locator('#legend-price', { hasText: / O [0-9]/ }).waitFor({ timeout: 5_000 });

    // Hovering an exit marker shows its trade in the tooltip.
    const target = result.trades.findIndex((t) => t.exitReason === 'stop-loss');
    const aim = (await page.evaluate(`(() => {
      const { chart, series } = window.bybotCharts.price;
      const m = JSON.parse(document.getElementById('bybot-data').textContent).chart.markers.find((m) => m.trade === ${target} && m.kind === 'exit');
      return { x: chart.timeScale().timeToCoordinate(m.time), y: series.priceToCoordinate(m.price) };
    })()`)) as { x: number; y: number };
    const box = (await page.locator('#chart-price').boundingBox())!;
    await page.mouse.move(box.x + aim.x, box.y + aim.y);
    await page.locator('#tip-price', { hasText: `#${target + 1} exit` }).waitFor({ timeout: 5_000 });
    expect(await page.locator('#tip-price').textContent()).toContain('stop-loss');
    await page.locator('#chart-price').screenshot({ path: join(dir, 'tooltip.png') });

    await page.mouse.move(0, 0);
    const screenshot = join(dir, 'report.png');
    writeFileSync(screenshot, await page.screenshot({ fullPage: true }));
    console.log(`report ${file} (candles: ${source}), screenshot ${screenshot}`);

    expect(await page.evaluate('window.bybotErrors')).toEqual([]);
    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
    await page.close();
  }, 40_000);

  it('says so, without errors, when a run has nothing to draw', async () => {
    const { result } = buildFixture({ candles: 'synthetic', syntheticCount: 100, trades: 0 });
    const file = join(dir, 'empty.html');
    writeHtmlReport(file, withoutCandles(result));
    const { page, errors, blocked, states } = await open(file);
    expect(states).toEqual(['chart-price=empty', 'chart-equity=empty', 'chart-drawdown=empty']);
    expect(await page.locator('#trades').textContent()).toContain('No trades.');
    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
    await page.close();
  });
});
