import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import { parseRiskConfig } from './risk-config.js';

describe('risk configuration', () => {
  it('has every threshold of the issue as a default', () => {
    const c = parseRiskConfig();
    expect(c.sizing).toMatchObject({ riskPerTrade: 0.01, maxRiskPerTrade: 0.02, kelly: { fractionOfKelly: 0.25 }, confluence: { minScale: 0.1, maxScale: 1 } });
    expect(c.sizing.correlation.maxCorrelatedPositions).toBe(3);
    expect(c.exits.initialStop).toMatchObject({ minAtr: 1, maxAtr: 1.5 });
    expect(c.exits.givebackTrail.maxGiveback).toBe(0.3);
    expect(c.exits.breakeven.afterMovePct).toBe(0.005);
    expect(c.exits.timeStop.afterMs).toBe(2 * 3_600_000);
    expect(c.exits.ladder.rungs).toEqual([
      { atr: 1, fraction: 0.4 },
      { atr: 1.5, fraction: 0.3 },
      { atr: 2.5, fraction: 0.2 },
    ]);
    const p = c.protections;
    expect(p.dailyLoss.maxLossPct).toBe(0.03);
    expect(p.lossStreak).toMatchObject({ losses: 3, pauseMs: 2 * 3_600_000 });
    expect(p.drawdown).toMatchObject({ halfSizeAt: 0.05, highConfidenceAt: 0.08, noEntriesAt: 0.1, haltAt: 0.15 });
    expect(p.exposure).toMatchObject({ maxOpenRisk: 0.1, maxTotal: 0.5, maxPerPosition: 0.05 });
    expect(p.minBalance.amount).toBe(10);
    expect(p.flashCrash).toMatchObject({ maxMove: 0.05, pauseMs: 30 * 60_000 });
    expect(c.signals).toMatchObject({ maxAgeMs: 60_000, minStopDistancePct: 0.0005, maxEntryDeviationPct: 0.01 });
    expect(c.errors.strategyBreaker).toEqual({ errors: 5, cooldownMs: 5 * 60_000 });
  });

  it('lets every group be switched off and every value changed, keeping the other defaults', () => {
    const c = parseRiskConfig({ protections: { flashCrash: { enabled: false }, drawdown: { haltAt: 0.2 } }, signals: { disabledChecks: ['signalAge'] } });
    expect(c.protections.flashCrash).toEqual({ enabled: false, maxMove: 0.05, pauseMs: 30 * 60_000 });
    expect(c.protections.drawdown.haltAt).toBe(0.2);
    expect(c.protections.drawdown.noEntriesAt).toBe(0.1);
    expect(c.signals.disabledChecks).toEqual(['signalAge']);
  });

  it.each([
    [{ sizing: { riskPerTrade: -0.01 } }, 'sizing.riskPerTrade = -0.01'],
    [{ sizing: { leverage: Number.NaN } }, 'sizing.leverage = NaN'],
    [{ protections: { dailyLoss: { maxLossPct: 3 } } }, 'protections.dailyLoss.maxLossPct = 3'],
    [{ protections: { lossStreak: { pauseMs: 'two hours' } } }, 'protections.lossStreak.pauseMs = "two hours"'],
    [{ signals: { disabledChecks: ['nope'] } }, 'signals.disabledChecks.0 = "nope"'],
    [{ sizing: { riskPerTrade: 0.03 } }, 'sizing.riskPerTrade = 0.03: must not exceed sizing.maxRiskPerTrade (0.02)'],
    [{ protections: { drawdown: { noEntriesAt: 0.2 } } }, 'protections.drawdown.haltAt = 0.2: must be at least noEntriesAt (0.15)'],
    [{ exits: { ladder: { rungs: [{ atr: 1, fraction: 0.7 }, { atr: 2, fraction: 0.5 }] } } }, 'exits.ladder.rungs = '],
    [{ protections: { flashCrsh: {} } }, 'protections.flashCrsh: unknown setting'],
    [{ sizing: { kelly: { minTrades: 60 } } }, 'sizing.kelly.minTrades = 60: must not exceed lookbackTrades (50)'],
  ])('rejects %j with an InputError naming the field and value', (input, expected) => {
    expect(() => parseRiskConfig(input)).toThrow(InputError);
    expect(() => parseRiskConfig(input)).toThrow(expected);
  });
});
