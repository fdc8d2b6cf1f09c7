// Trade statistics by example: streaks, win rates by side, PnL shape, holding times and the degenerate sets.
import { describe, expect, it } from 'vitest';
import { DAY_MS } from './stats.js';
import { HOUR_MS, JAN_1, trade } from './test-support/fixtures.js';
import { byExit, streaks, tradeStats } from './trades.js';
import type { ClosedTrade } from './types.js';

/** Trades closing one hour apart, in order, with the given PnLs. */
const sequence = (pnls: readonly number[]): ClosedTrade[] =>
  pnls.map((pnl, i) => trade({ pnl, entryTime: JAN_1 + i * HOUR_MS, exitTime: JAN_1 + (i + 1) * HOUR_MS }));

describe('streaks', () => {
  it('counts runs in closing order, not input order; a breakeven ends a run', () => {
    // Closing order: + + − − − + 0 + +  → wins 2 (the 0 splits + | + +), losses 3.
    const trades = sequence([1, 2, -1, -1, -1, 3, 0, 1, 1]).reverse();
    expect(streaks(trades)).toEqual({ wins: 2, losses: 3 });
  });

  it('takes trades already in closing order as they are, with the same runs', () => {
    const trades = sequence([1, 2, -1, -1, -1, 3, 0, 1, 1]);
    expect(byExit(trades)).toBe(trades);
    expect(streaks(trades)).toEqual({ wins: 2, losses: 3 });
    const reordered = byExit([...trades].reverse());
    expect(reordered).toEqual(trades);
  });

  it('is zero without trades', () => {
    expect(streaks([])).toEqual({ wins: 0, losses: 0 });
  });
});

describe('tradeStats', () => {
  // Long: +30 (2 h), −10 (1 h), 0 (1 h). Short: +20 (4 h), −20 (2 h).
  const mixed: ClosedTrade[] = [
    trade({ side: 'long', pnl: 30, exitTime: JAN_1 + 2 * HOUR_MS, fees: 1, funding: 0.5, slippage: 0.2 }),
    trade({ side: 'long', pnl: -10, entryTime: JAN_1 + 2 * HOUR_MS, exitTime: JAN_1 + 3 * HOUR_MS, fees: 1, funding: -0.25, slippage: 0.2 }),
    trade({ side: 'long', pnl: 0, entryTime: JAN_1 + 3 * HOUR_MS, exitTime: JAN_1 + 4 * HOUR_MS, fees: 0.5 }),
    trade({ side: 'short', pnl: 20, entryTime: JAN_1 + 4 * HOUR_MS, exitTime: JAN_1 + 8 * HOUR_MS, fees: 1 }),
    trade({ side: 'short', pnl: -20, entryTime: JAN_1 + 8 * HOUR_MS, exitTime: JAN_1 + 10 * HOUR_MS, fees: 1, slippage: 0.1 }),
  ];
  const s = tradeStats(mixed, 2 * DAY_MS);

  it('counts and sums', () => {
    expect(s).toMatchObject({ trades: 5, longTrades: 3, shortTrades: 2, wins: 2, losses: 2, breakevens: 1 });
    expect(s).toMatchObject({ netProfit: 20, grossProfit: 50, grossLoss: -30, expectancy: 4 });
    expect(s.profitFactor).toBeCloseTo(50 / 30, 12);
    expect(s.feesPaid).toBe(4.5);
    expect(s.fundingPaid).toBe(0.25);
    expect(s.slippagePaid).toBeCloseTo(0.5, 12);
  });

  it('win rates count breakevens as trades: 2/5 overall, 1/3 long, 1/2 short', () => {
    expect(s.winRate).toBe(40);
    expect(s.winRateLong).toBeCloseTo(100 / 3, 12);
    expect(s.winRateShort).toBe(50);
  });

  it('average win 25, average loss −15, ratio 5/3, largest +30 and −20', () => {
    expect(s).toMatchObject({ averageWin: 25, averageLoss: -15, largestWin: 30, largestLoss: -20 });
    expect(s.winLossRatio).toBeCloseTo(25 / 15, 12);
  });

  it('holding times: mean 2 h, median of [1, 1, 2, 2, 4] h = 2 h, winners 3 h, losers 1.5 h', () => {
    expect(s.averageHoldingMs).toBe(2 * HOUR_MS);
    expect(s.medianHoldingMs).toBe(2 * HOUR_MS);
    expect(s.averageHoldingWinnersMs).toBe(3 * HOUR_MS);
    expect(s.averageHoldingLosersMs).toBe(1.5 * HOUR_MS);
  });

  it('trades per day over the period, which counts as at least one day', () => {
    expect(s.tradesPerDay).toBe(2.5);
    expect(tradeStats(mixed, HOUR_MS).tradesPerDay).toBe(5);
    expect(tradeStats(mixed, 0).tradesPerDay).toBe(5);
  });

  it('expectancy in R only when every trade says what it risked', () => {
    expect(s.expectancyR).toBeUndefined();
    const withRisk = [trade({ pnl: 30, risk: 10 }), trade({ pnl: -10, risk: 10 }), trade({ pnl: 5, risk: 5 })];
    expect(tradeStats(withRisk, DAY_MS).expectancyR).toBeCloseTo((3 - 1 + 1) / 3, 12);
    expect(tradeStats([trade({ pnl: 5, risk: 5 }), trade({ pnl: 1 })], DAY_MS).expectancyR).toBeUndefined();
    expect(tradeStats([trade({ pnl: 5, risk: 0 })], DAY_MS).expectancyR).toBeUndefined();
  });
});

describe('tradeStats on degenerate sets', () => {
  it('no trades: every figure 0', () => {
    const s = tradeStats([], DAY_MS);
    const { expectancyR, ...numbers } = s;
    expect(expectancyR).toBeUndefined();
    for (const [name, value] of Object.entries(numbers)) expect([name, value]).toEqual([name, 0]);
  });

  it('one winning trade: profit factor +Infinity, everything about it', () => {
    const s = tradeStats([trade({ pnl: 12, exitTime: JAN_1 + 3 * HOUR_MS })], DAY_MS);
    expect(s).toMatchObject({ trades: 1, winRate: 100, profitFactor: Infinity, expectancy: 12, averageWin: 12, largestWin: 12 });
    expect(s).toMatchObject({ maxConsecutiveWins: 1, maxConsecutiveLosses: 0, medianHoldingMs: 3 * HOUR_MS, averageHoldingLosersMs: 0 });
  });

  it('all wins: no losses means average and largest loss 0, win/loss ratio +Infinity', () => {
    const s = tradeStats(sequence([5, 10, 15]), DAY_MS);
    expect(s).toMatchObject({ winRate: 100, profitFactor: Infinity, winLossRatio: Infinity, averageLoss: 0, largestLoss: 0 });
    expect(s).toMatchObject({ maxConsecutiveWins: 3, maxConsecutiveLosses: 0, averageWin: 10 });
  });

  it('all losses: profit factor 0, win rate 0, win/loss ratio 0', () => {
    const s = tradeStats(sequence([-5, -10, -15]), DAY_MS);
    expect(s).toMatchObject({ winRate: 0, profitFactor: 0, winLossRatio: 0, averageWin: 0, largestWin: 0 });
    expect(s).toMatchObject({ averageLoss: -10, largestLoss: -15, maxConsecutiveLosses: 3, expectancy: -10 });
  });

  it('only breakevens: profit factor 0 / 0 = 0', () => {
    expect(tradeStats(sequence([0, 0]), DAY_MS)).toMatchObject({ profitFactor: 0, winRate: 0, breakevens: 2 });
  });
});
