// What the bybit-api SDK hands its listeners, sorted back into Bybit messages, unreadable messages and socket failures.
import { WireFormatError } from '../wire/validate.js';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The Bybit message without the fields the SDK adds to every event it emits. */
export function withoutSdkFields(event: unknown): unknown {
  if (!isObject(event)) return event;
  const { wsKey: _wsKey, isWSAPIResponse: _isWsApi, ...message } = event;
  return message;
}

/** True for an answer to something sent (subscribe, unsubscribe, pong), as opposed to a socket error the SDK also emits as 'response'. */
export function isAnswer(event: unknown): boolean {
  return isObject(event) && (typeof event['op'] === 'string' || event['type'] === 'COMMAND_RESP');
}

/**
 * What an SDK 'exception' event is: Bybit's answer saying no (success=false), a message the SDK
 * could not JSON.parse (it passes the text as `eventData`), or a failure of the socket itself.
 */
export type SdkException =
  | { readonly kind: 'rejected'; readonly message: unknown }
  | { readonly kind: 'unreadable'; readonly error: WireFormatError }
  | { readonly kind: 'socket'; readonly text: string };

export function classifyException(event: unknown): SdkException {
  if (isAnswer(event)) return { kind: 'rejected', message: withoutSdkFields(event) };
  if (isObject(event) && 'eventData' in event) {
    const cause = event['exception'];
    const reason = cause instanceof Error ? cause.message : 'cannot be parsed';
    return { kind: 'unreadable', error: new WireFormatError('message', 'payload', event['eventData'], `not valid JSON (${reason})`) };
  }
  return { kind: 'socket', text: socketErrorText(event) };
}

/**
 * The SDK spreads the `ws` ErrorEvent into a plain object, which loses its `message` getter but
 * keeps the symbol-keyed fields behind it; read whichever is there.
 */
function socketErrorText(event: unknown): string {
  if (!isObject(event)) return `socket error ${String(event)}`;
  if (typeof event['message'] === 'string' && event['message'] !== '') return event['message'];
  for (const key of Object.getOwnPropertySymbols(event)) {
    const value = (event as Record<symbol, unknown>)[key];
    if (key.description === 'kMessage' && typeof value === 'string' && value !== '') return value;
    if (key.description === 'kError' && value instanceof Error) return value.message;
  }
  return 'socket error';
}
