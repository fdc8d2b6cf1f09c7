// Seeded randomness (mulberry32): every simulated fault, jitter and synthetic series is reproducible.

export interface Random {
  /** A float in [0, 1). */
  next(): number;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return {
    next() {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

/** Non-deterministic seed for production use (retry jitter against a real server). */
export function systemRandom(): Random {
  return { next: () => Math.random() };
}
