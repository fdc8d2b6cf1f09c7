// Correlation ids: one per intent, carried by its orders and fills so `grep <id>` tells the whole story.
//
// How an id follows an intent (the runtime wires it; nothing below the engine needs to know):
//   1. When the engine accepts an intent it draws `correlationId = ids.next()` and logs through
//      `log.child({ correlationId })` from then on (risk decision, sizing, IntentDenied).
//   2. The order manager gives every order it makes for that intent (entry, attached stop, TP rungs,
//      trailing, the exit) a clientId and records clientId → correlationId; Bybit echoes the
//      clientId as orderLinkId on every order update and execution.
//   3. Venue events (OrderAccepted, OrderFilled, OrderRejected, stop fills) are logged through
//      `log.child({ correlationId: lookup(event.order.clientId), clientId })`, so each fill line
//      carries the id of the intent that caused it. Entries are forgotten when the order is done.
// Ids are made here, never from Math.random or Date.now: a counter for backtests and tests, a
// Random (seeded, or core's systemRandom live) when ids must not repeat across restarts.
import { InputError, describeValue } from '../core/errors.js';
import type { Random } from '../core/random.js';
import type { Logger } from './logger.js';

export const CORRELATION_KEY = 'correlationId';

export interface IdSource {
  next(): string;
}

// Bybit's orderLinkId allows [A-Za-z0-9_-] up to 36 characters; ids stay inside that so one can seed a clientId.
const PREFIX = /^[A-Za-z0-9_-]{1,12}$/;
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** 'c-1', 'c-2', …: reproducible, for backtests and tests. */
export function counterIds(prefix = 'c', start = 1): IdSource {
  checkPrefix(prefix);
  let next = start;
  return { next: () => `${prefix}-${next++}` };
}

/** `prefix-` and `length` base-36 characters drawn from `random`; seed it for reproducible runs. */
export function randomIds(random: Random, prefix = 'c', length = 12): IdSource {
  checkPrefix(prefix);
  if (!Number.isInteger(length) || length < 6 || length > 22) throw new InputError(`id length must be an integer in [6, 22], got ${describeValue(length)}`);
  return {
    next() {
      let id = '';
      for (let i = 0; i < length; i++) id += ALPHABET[Math.floor(random.next() * ALPHABET.length)];
      return `${prefix}-${id}`;
    },
  };
}

/** The logger for everything done on behalf of one intent. */
export function withCorrelation(logger: Logger, correlationId: string): Logger {
  return logger.child({ [CORRELATION_KEY]: correlationId });
}

function checkPrefix(prefix: string): void {
  if (!PREFIX.test(prefix)) throw new InputError(`correlation id prefix must be 1-12 of [A-Za-z0-9_-], got ${describeValue(prefix)}`);
}
