// POST /v5/account/set-margin-mode and GET /v5/account/info: the simulator margins positions in isolation, so only ISOLATED_MARGIN is accepted.
import { BybitError, RET } from '../http/envelope.js';
import { millis } from '../http/format.js';
import { POSITION, READ, type Route } from '../http/route.js';

export const setMarginMode: Route = {
  method: 'POST',
  path: '/v5/account/set-margin-mode',
  access: POSITION,
  handle: ({ params, exchange }) => {
    const mode = params.oneOf('setMarginMode', ['ISOLATED_MARGIN', 'REGULAR_MARGIN', 'PORTFOLIO_MARGIN']);
    if (mode !== 'ISOLATED_MARGIN') {
      const reasons = [{ reasonCode: '3400000', reasonMsg: `${mode} is not simulated: the local exchange margins every position in isolation` }];
      throw new BybitError(RET.setMarginModeFailed, 'Set margin mode failed', 200, { reasons });
    }
    // Already isolated: accepted again, as a no-op (Bybit does not document a "not modified" code here).
    exchange.account.marginMode = mode;
    return { reasons: [] };
  },
};

export const accountInfo: Route = {
  method: 'GET',
  path: '/v5/account/info',
  access: READ,
  handle: ({ exchange }) => ({
    marginMode: exchange.account.marginMode,
    updatedTime: millis(exchange.account.marginModeUpdated),
    unifiedMarginStatus: 6,
    dcpStatus: 'OFF',
    timeWindow: 0,
    smpGroup: 0,
    isMasterTrader: false,
    spotHedgingStatus: 'OFF',
  }),
};
