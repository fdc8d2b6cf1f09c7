// GET /v5/market/time: the replay clock is the server's time (skewed while a clockSkew fault holds, so a client can resync).
import { PUBLIC, type Route } from '../http/route.js';

export const marketTime: Route = {
  method: 'GET',
  path: '/v5/market/time',
  access: PUBLIC,
  handle: ({ exchange }) => {
    const now = exchange.serverTime;
    return { timeSecond: String(Math.floor(now / 1000)), timeNano: (BigInt(Math.round(now)) * 1_000_000n).toString() };
  },
};
