// Errors as log fields: name, message, code and stack down the cause chain, never the request that carried credentials.

/** Keys whose values describe an HTTP request (axios, fetch, the bybit-api SDK): they carry signed headers. */
const REQUEST_KEYS = new Set(['config', 'request', 'requestOptions', 'headers', 'options', 'agent', 'socket']);
const MAX_DEPTH = 6;

/** A plain, JSON-safe picture of any thrown value. */
export function serializeError(value: unknown): unknown {
  return describe(value, 0, new WeakSet());
}

function describe(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (value === null || typeof value !== 'object') return typeof value === 'string' ? { message: value } : value;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[cause chain too deep]';
  seen.add(value);
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  if (value instanceof Error) {
    out.name = value.name;
    out.message = value.message;
    if (value.stack !== undefined) out.stack = value.stack;
  }
  for (const [key, field] of Object.entries(source)) {
    if (REQUEST_KEYS.has(key) || key === 'cause' || key === 'errors') continue;
    out[key] = key === 'response' ? describeResponse(field, depth, seen) : stripRequests(field, depth + 1, seen);
  }
  if (source.cause !== undefined) out.cause = describe(source.cause, depth + 1, seen);
  if (Array.isArray(source.errors)) out.errors = source.errors.map((inner) => describe(inner, depth + 1, seen));
  return out;
}

// An HTTP response is worth its status and body (Bybit's retCode and retMsg), not its config or headers.
function describeResponse(response: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (response === null || typeof response !== 'object') return response;
  const { status, statusText, data, body } = response as Record<string, unknown>;
  return stripRequests({ status, statusText, data, body }, depth + 1, seen);
}

/** A copy of `value` without request keys at any depth; nested errors are described as errors. */
function stripRequests(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return describe(value, depth, seen);
  // Dates, buffers and sealed objects (ApiCredentials) know how to print themselves.
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return value;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => stripRequests(item, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined || REQUEST_KEYS.has(key)) continue;
    out[key] = stripRequests(field, depth + 1, seen);
  }
  return out;
}
