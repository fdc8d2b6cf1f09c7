// GET /v5/market/time: the replay clock is the server's time.
import { PUBLIC, type Route } from '../http/route.js';

export const marketTime: Route = {
  method: 'GET',
  path: '/v5/market/time',
  access: PUBLIC,
  handle: ({ exchange }) => {
    const now = exchange.now;
    return { timeSecond: String(Math.floor(now / 1000)), timeNano: (BigInt(Math.round(now)) * 1_000_000n).toString() };
  },
};
