// Calendar context of a bar: trading sessions, distance to the hourly close and to funding, day of week (all UTC).
import { NotStableError, type Bar, type Indicator } from '../../indicators/contract.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Session hours in UTC, [from, to): Asia 01–09, Europe 07–16, US 13–22. Sessions overlap. */
export const SESSIONS = { asia: [1, 9], europe: [7, 16], us: [13, 22] } as const;

export interface TimeContextResult {
  /** 1 when the bar opens inside the session, else 0. */
  readonly asia: number;
  readonly europe: number;
  readonly us: number;
  /** Minutes from the bar open to the next full hour, in (0, 60]: a bar opening at 10:55 reads 5, at 11:00 reads 60. */
  readonly minutesToHourClose: number;
  /** Minutes from the bar open to the next funding time, in (0, interval]; funding exactly at the open counts as paid. */
  readonly minutesToFunding: number;
  /** UTC day of week of the bar open: 0 Sunday … 6 Saturday. */
  readonly dayOfWeek: number;
}

const mod = (x: number, m: number): number => ((x % m) + m) % m;
const inSession = (hour: number, [from, to]: readonly [number, number]): number => (hour >= from && hour < to ? 1 : 0);

/**
 * Everything is measured from the bar's open time (`Bar.time`), the only time a bar carries: for
 * the distance from the close, subtract the bar length (a 5m bar opening at 07:55 reads 5 minutes
 * to funding — it closes on it). Funding times are every `fundingHours` hours from 00:00 UTC
 * (Bybit's default 8 h: 00:00, 08:00, 16:00); the interval must divide 24. Stateless apart from the
 * latest bar, so O(1) and replace() is trivially exact; stable from the first bar.
 */
export class TimeContext implements Indicator<Bar, TimeContextResult> {
  private readonly fundingMs: number;
  private seen = 0;
  private asiaFlag = 0;
  private europeFlag = 0;
  private usFlag = 0;
  private toHour = 0;
  private toFunding = 0;
  private weekday = 0;

  constructor(readonly fundingHours = 8) {
    if (!Number.isInteger(fundingHours) || fundingHours < 1 || 24 % fundingHours !== 0) {
      throw new RangeError(`TimeContext fundingHours must be a whole number of hours dividing 24 (1, 2, 3, 4, 6, 8, 12, 24), got ${fundingHours}`);
    }
    this.fundingMs = fundingHours * HOUR;
  }

  add(bar: Bar): void {
    this.seen++;
    this.step(bar.time);
  }

  replace(bar: Bar): void {
    if (this.seen === 0) return this.add(bar);
    this.step(bar.time);
  }

  private step(time: number): void {
    const hour = Math.floor(mod(time, DAY) / HOUR);
    this.asiaFlag = inSession(hour, SESSIONS.asia);
    this.europeFlag = inSession(hour, SESSIONS.europe);
    this.usFlag = inSession(hour, SESSIONS.us);
    this.toHour = (HOUR - mod(time, HOUR)) / MINUTE;
    this.toFunding = (this.fundingMs - mod(time, this.fundingMs)) / MINUTE;
    // 1970-01-01 was a Thursday (4).
    this.weekday = mod(Math.floor(time / DAY) + 4, 7);
  }

  get isStable(): boolean {
    return this.seen > 0;
  }

  get count(): number {
    return this.seen;
  }

  private check(): void {
    if (this.seen === 0) throw new NotStableError('TimeContext', 1, 0);
  }

  get asia(): number {
    this.check();
    return this.asiaFlag;
  }

  get europe(): number {
    this.check();
    return this.europeFlag;
  }

  get us(): number {
    this.check();
    return this.usFlag;
  }

  get minutesToHourClose(): number {
    this.check();
    return this.toHour;
  }

  get minutesToFunding(): number {
    this.check();
    return this.toFunding;
  }

  get dayOfWeek(): number {
    this.check();
    return this.weekday;
  }

  getResult(): TimeContextResult | undefined {
    return this.isStable ? this.snapshot() : undefined;
  }

  getResultOrThrow(): TimeContextResult {
    this.check();
    return this.snapshot();
  }

  private snapshot(): TimeContextResult {
    return {
      asia: this.asiaFlag,
      europe: this.europeFlag,
      us: this.usFlag,
      minutesToHourClose: this.toHour,
      minutesToFunding: this.toFunding,
      dayOfWeek: this.weekday,
    };
  }
}
