import { describe, expect, it } from 'vitest';
import { referencePayload } from '../test-support/reference.js';
import { parseFrame } from './frame.js';

// Answers to the client's own requests (§9), in each documented shape.
describe('control answers', () => {
  it('reads the public pongs (op "ping", ret_msg "pong") and the private and option pongs (op "pong", server time)', () => {
    expect(parseFrame(referencePayload('ws-pong-linear'))).toEqual([{ type: 'control', op: 'ping', success: true, message: 'pong', reqId: '', connId: '465772b1-7630-4fdc-a492-e003e6f0f260' }]);
    expect(parseFrame(referencePayload('ws-pong-spot'))).toEqual([{ type: 'control', op: 'ping', success: true, message: 'pong', connId: '0970e817-426e-429a-a679-ff7f55e0b16a' }]);
    expect(parseFrame(referencePayload('ws-pong-private'))).toEqual([{ type: 'control', op: 'pong', reqId: 'test', connId: 'cfcb4ocsvfriu23r3er0-1b', args: ['1675418560633'] }]);
    expect(parseFrame(referencePayload('ws-pong-option'))).toEqual([{ type: 'control', op: 'pong', args: ['1672916271846'] }]);
  });

  it('reads auth and subscribe answers, the option COMMAND_RESP shape included', () => {
    expect(parseFrame(referencePayload('ws-auth-success'))).toEqual([{ type: 'control', op: 'auth', success: true, message: '', connId: 'cejreaspqfh3sjdnldmg-p' }]);
    expect(parseFrame(referencePayload('ws-subscribe-private'))).toEqual([{ type: 'control', op: 'subscribe', success: true, message: '', connId: 'cejreassvfrsfvb9v1a0-2m' }]);
    expect(parseFrame(referencePayload('ws-subscribe-spot'))).toEqual([{ type: 'control', op: 'subscribe', success: true, message: 'subscribe', reqId: '10001', connId: '2324d924-aa4d-45b0-a858-7b8be29ab52b' }]);
    expect(parseFrame(referencePayload('ws-subscribe-linear'))).toMatchObject([{ op: 'subscribe', success: true, reqId: '' }]);
    expect(parseFrame(referencePayload('ws-subscribe-option'))).toEqual([
      { type: 'control', op: 'subscribe', success: true, connId: 'aa01fbfffe80af37-00000001-000b37b9-7147f432704fd28c-00e1c172', failedTopics: [] },
    ]);
  });

  it('reads a refusal (the observed unknown-topic answer) and names a malformed one', () => {
    const refused = { success: false, ret_msg: 'error:handler not found,topic:dcp.future', conn_id: 'd9jhogatbetvf6evjmc0-8eoj', req_id: 'dcp.future', op: 'subscribe' };
    expect(parseFrame(refused)).toMatchObject([{ type: 'control', op: 'subscribe', success: false, message: 'error:handler not found,topic:dcp.future' }]);
    expect(() => parseFrame({ op: 'auth', success: 'yes' })).toThrow('op auth: success must be true or false, got "yes"');
  });
});
