// Every client id an account has ever accepted (Bybit refuses to reuse one), kept without a hash insert for ids issued in sequence.

const DASH = 45; // '-'
const ZERO = 48;
const NINE = 57;
/** Digits a sequence number may have and stay a safe integer. */
const MAX_DIGITS = 15;

/**
 * A set of ids. Order managers name orders `<prefix>-<n>` with n counting up from 1, and a backtest
 * sends tens of thousands of them: inserting each into a hash set cost more than the rest of the
 * venue's checks. So an unbroken run `<prefix>-1 … <prefix>-n` is remembered as its prefix and n;
 * every other id (another shape, a number out of turn, a leading zero) goes into an ordinary set.
 * Membership is exact either way.
 */
export class UsedClientIds {
  /** The prefix used last and its run: `<prefix>-1` … `<prefix>-<run>` are all used. */
  private prefix: string | undefined;
  private run = 0;
  /** Runs of the other prefixes. */
  private readonly runs = new Map<string, number>();
  /** Used ids outside every run. */
  private readonly others = new Set<string>();

  has(id: string): boolean {
    const dash = id.lastIndexOf('-');
    const n = sequenceAfter(id, dash);
    if (n > 0 && n <= this.runOf(id, dash)) return true;
    return this.others.size > 0 && this.others.has(id);
  }

  /** Records `id` as used (call it only for an id `has` denied). */
  add(id: string): void {
    const dash = id.lastIndexOf('-');
    const n = sequenceAfter(id, dash);
    if (n > 0) {
      if (!this.isCurrent(id, dash)) {
        if (this.prefix !== undefined) this.runs.set(this.prefix, this.run);
        this.prefix = id.slice(0, dash);
        this.run = this.runs.get(this.prefix) ?? 0;
      }
      if (n === this.run + 1) {
        this.run = n;
        return;
      }
    }
    this.others.add(id);
  }

  private isCurrent(id: string, dash: number): boolean {
    return this.prefix !== undefined && dash === this.prefix.length && id.startsWith(this.prefix);
  }

  private runOf(id: string, dash: number): number {
    if (this.isCurrent(id, dash)) return this.run;
    return this.runs.size > 0 ? (this.runs.get(id.slice(0, dash)) ?? 0) : 0;
  }
}

/** The sequence number after the dash at `dash` (digits without a leading zero), or 0 when there is none. */
function sequenceAfter(id: string, dash: number): number {
  const digits = id.length - dash - 1;
  if (dash < 0 || digits < 1 || digits > MAX_DIGITS || id.charCodeAt(dash + 1) === ZERO) return 0;
  let n = 0;
  for (let i = dash + 1; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c < ZERO || c > NINE) return 0;
    n = n * 10 + (c - ZERO);
  }
  return n;
}
