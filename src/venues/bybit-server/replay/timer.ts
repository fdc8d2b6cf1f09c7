// Plays the replay by itself: at a multiple of real time, or as fast as the machine goes while still answering requests between batches.
import type { Clock } from '../../../core/clock.js';
import { describeValue, InputError } from '../../../core/errors.js';
import type { Replay } from './replay.js';

/** 1 = real time, 60 = a minute a second, 'max' = as fast as possible. */
export type ReplaySpeed = number | 'max';

/** How often a timed replay moves its clock, in wall milliseconds. */
const TICK_MS = 20;
/** Candle steps per turn of the event loop at 'max' speed: requests are served between turns. */
const MAX_SPEED_BATCH = 200;

export class ReplayTimer {
  private timer: NodeJS.Timeout | undefined;
  private speed: ReplaySpeed = 1;

  constructor(
    private readonly replay: Replay,
    private readonly clock: Clock,
    /** Real (monotonic) time that a timed replay follows. */
    private readonly wall: Clock,
  ) {}

  get playing(): boolean {
    return this.timer !== undefined;
  }

  /**
   * Replay milliseconds per real one while playing (Infinity at 'max'), 1 while paused: a client
   * whose clock runs at real time measures its request windows against this.
   */
  get rate(): number {
    if (this.timer === undefined) return 1;
    return this.speed === 'max' ? Infinity : this.speed;
  }

  /**
   * Starts playing from where the replay stands. At a number speed the replay clock runs on (past the
   * end of the data too) until `pause`; at 'max' it stops by itself once every candle is fed.
   */
  play(speed: ReplaySpeed): void {
    if (speed !== 'max' && !(typeof speed === 'number' && Number.isFinite(speed) && speed > 0)) {
      throw new InputError(`speed must be a positive number (1 = real time) or 'max', got ${describeValue(speed)}`);
    }
    this.pause();
    this.speed = speed;
    if (speed === 'max') {
      const turn = (): void => {
        this.replay.advance(MAX_SPEED_BATCH);
        this.timer = this.replay.finished ? undefined : setTimeout(turn, 0).unref();
      };
      this.timer = setTimeout(turn, 0).unref();
      return;
    }
    const startWall = this.wall.now();
    const startReplay = this.clock.now();
    this.timer = setInterval(() => {
      // Server time is whole milliseconds, as Bybit's: the monotonic wall clock is not.
      const target = Math.floor(startReplay + (this.wall.now() - startWall) * speed);
      // A manual advance while playing may have moved the clock ahead already: it never goes back.
      if (target > this.clock.now()) this.replay.advanceTo(target);
    }, TICK_MS).unref();
  }

  pause(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
