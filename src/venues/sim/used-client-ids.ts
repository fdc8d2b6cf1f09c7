// Every client id an account has ever accepted (Bybit refuses to reuse one), kept without a hash insert for ids issued in sequence.
import { sequenceDash, sequenceOf } from '../../domain/client-id.js';

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
    const dash = sequenceDash(id);
    const n = sequenceOf(id, dash);
    if (n > 0 && n <= (this.isCurrent(id, dash) ? this.run : (this.runs.get(id.slice(0, dash)) ?? 0))) return true;
    return this.inOthers(id);
  }

  /** Records `id` as used (an id `has` denied: the venue records an id once it accepts the order). */
  add(id: string): void {
    const dash = sequenceDash(id);
    const n = sequenceOf(id, dash);
    if (n > 0) {
      if (!this.isCurrent(id, dash)) this.switchTo(id.slice(0, dash));
      // The next of the run extends it, unless it was already used out of turn (then it is in `others`).
      if (n === this.run + 1 && !this.inOthers(id)) {
        this.run = n;
        return;
      }
    }
    this.others.add(id);
  }

  private isCurrent(id: string, dash: number): boolean {
    return this.prefix !== undefined && dash === this.prefix.length && id.startsWith(this.prefix);
  }

  private switchTo(prefix: string): void {
    if (this.prefix !== undefined) this.runs.set(this.prefix, this.run);
    this.prefix = prefix;
    this.run = this.runs.get(prefix) ?? 0;
  }

  private inOthers(id: string): boolean {
    return this.others.size > 0 && this.others.has(id);
  }
}
