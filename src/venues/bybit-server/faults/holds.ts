// Requests a timeout fault keeps waiting: each ends when its time is up, its client hangs up, or the server lets go of them all.

/** How a hold ended: its time was up, or the client went away / the server is closing (nobody waits for an answer). */
export type HoldEnd = 'elapsed' | 'released';

export class Holds {
  private readonly pending = new Set<(end: HoldEnd) => void>();
  private closed = false;

  /** How many requests are being held right now. */
  get size(): number {
    return this.pending.size;
  }

  /**
   * Waits `ms` (undefined: until released). `signal` is the request's: its abort (the client hung up,
   * or the server closed the connection) releases the hold, so no timer outlives its connection.
   */
  hold(ms: number | undefined, signal: AbortSignal | undefined): Promise<HoldEnd> {
    if (this.closed || signal?.aborted === true) return Promise.resolve('released');
    return new Promise<HoldEnd>((resolve) => {
      const end = (how: HoldEnd): void => {
        if (timer !== undefined) clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.pending.delete(end);
        resolve(how);
      };
      const onAbort = (): void => end('released');
      // unref: a held request never keeps the process alive on its own.
      const timer = ms === undefined ? undefined : setTimeout(() => end('elapsed'), ms).unref();
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.add(end);
    });
  }

  /** Releases every held request and every one that comes later: the server is going away. */
  close(): void {
    this.closed = true;
    for (const end of [...this.pending]) end('released');
  }
}
