// The REST envelope every V5 reply shares (§2.1): a retCode of 0 carries the result, anything else is the exchange saying no.
import { z } from 'zod';
import { RemoteRejectedError } from '../../../core/errors.js';
import { integer, millis, record, text } from './fields.js';
import { parseWire } from './validate.js';

export const envelopeSchema = record({
  retCode: integer,
  retMsg: text,
  result: z.unknown(),
  /** Usually {}; absent in some documented replies. */
  retExtInfo: z.unknown().optional(),
  /** Server time, ms; absent in some documented replies. */
  time: millis.optional(),
});

export interface Reply<T> {
  readonly result: T;
  /** The envelope's server time (ms), undefined when the reply left it out. */
  readonly time: number | undefined;
}

/**
 * Checks the envelope, then the result against `resultSchema`.
 * @throws RemoteRejectedError (code = retCode) when Bybit refused; WireFormatError when the reply is malformed.
 */
export function parseReply<S extends z.ZodType>(json: unknown, resultSchema: S, endpoint: string): Reply<z.output<S>> {
  const envelope = parseWire(envelopeSchema, json, endpoint);
  if (envelope.retCode !== 0) {
    throw new RemoteRejectedError(`${endpoint}: Bybit refused with retCode ${envelope.retCode}: ${envelope.retMsg || '(no message)'}`, envelope.retCode);
  }
  return { result: parseWire(resultSchema, envelope.result, `${endpoint} result`), time: envelope.time };
}
