// Answers to what the client sent on a WebSocket (§9): pong, auth and subscribe responses, in their several documented shapes.
import { z } from 'zod';
import { flag, list, nonEmptyText, record, text } from './fields.js';

/**
 * Linear, spot and private answers: `op` names the request (public pongs answer op "ping" with
 * ret_msg "pong"; private pongs say op "pong" with the server time in `args`).
 */
export const opResponse = record({
  op: nonEmptyText,
  success: flag.optional(),
  ret_msg: text.optional(),
  conn_id: text.optional(),
  req_id: text.optional(),
  args: list(z.union([text, z.number()])).optional(),
});

/** Option / spread subscribe answers: no `op`, the topics listed by outcome. */
export const commandResponse = record({
  type: z.literal('COMMAND_RESP'),
  success: flag,
  conn_id: text.optional(),
  data: record({ successTopics: list(text), failTopics: list(text) }),
});
