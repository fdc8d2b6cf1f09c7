// Private WebSocket frames (§11): {id, topic, creationTime, data: [...]} for order, execution, position and wallet.
import type { z } from 'zod';
import { walletRow } from './account.js';
import { list, millis, nonEmptyText, record, text } from './fields.js';
import { positionRow } from './position.js';
import { executionRow, orderRow } from './trading.js';

function privateFrame<S extends z.ZodType>(row: S) {
  return record({ id: text, topic: nonEmptyText, creationTime: millis, data: list(row) });
}

export const orderFrame = privateFrame(orderRow);
export const executionFrame = privateFrame(executionRow);
export const positionFrame = privateFrame(positionRow);
export const walletFrame = privateFrame(walletRow);
