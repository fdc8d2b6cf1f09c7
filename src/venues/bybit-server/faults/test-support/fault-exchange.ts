// One local exchange per fault test file: started before the tests, its faults cleared after each test, closed at the end.
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { LocalExchange } from '../../index.js';

/**
 * Registers the file's hooks. `start` builds the exchange, `candles` closes that many candles first,
 * and `use` hands it to the file (which keeps it in its own variables).
 */
export function useFaultExchange(start: () => Promise<LocalExchange>, candles: number, use: (exchange: LocalExchange) => void): void {
  let exchange: LocalExchange | undefined;
  beforeAll(async () => {
    exchange = await start();
    exchange.advance(candles);
    use(exchange);
  });
  afterEach(() => exchange?.httpFaults.clear());
  afterAll(() => exchange?.close());
}
