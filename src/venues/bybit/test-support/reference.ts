// Bybit's official example payloads, copied verbatim from the V5 reference (../shared/reference/bybit-v5.md), as recorded test inputs.
import { readFileSync } from 'node:fs';

/**
 * The payload in reference/<name>.json: `rest-*` are whole REST replies (envelope included), `ws-*`
 * WebSocket messages. Blocks printed two to a code block in the reference were split; none was edited.
 */
export function referenceText(name: string): string {
  return readFileSync(new URL(`./reference/${name}.json`, import.meta.url), 'utf8');
}

export function referencePayload(name: string): unknown {
  return JSON.parse(referenceText(name)) as unknown;
}

/** A deep copy of a reference payload with `edit` applied, for the malformed-input cases. */
export function editedPayload(name: string, edit: (payload: any) => void): unknown {
  const payload = referencePayload(name);
  edit(payload);
  return payload;
}
