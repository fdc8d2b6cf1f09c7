// GET /v5/user/query-api: the calling key's permissions (so a client can refuse a key that may withdraw); the secret is always "".
import { READ, type Route } from '../http/route.js';

/** The simulated account's user id. */
const USER_ID = 1_000_001;

export const queryApi: Route = {
  method: 'GET',
  path: '/v5/user/query-api',
  access: READ,
  okMessage: '',
  handle: ({ key, exchange }) => {
    const caller = key!; // a READ route always has the key that signed it
    return {
      id: caller.id,
      note: caller.note,
      apiKey: caller.key,
      readOnly: caller.readOnly ? 1 : 0,
      secret: '',
      permissions: caller.permissions,
      ips: caller.ips,
      type: 1,
      deadlineDay: -2,
      expiredAt: '1970-01-01T00:00:00Z',
      createdAt: new Date(exchange.startTime).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      unified: 0,
      uta: 1,
      userID: USER_ID,
      inviterID: 0,
      vipLevel: 'No VIP',
      mktMakerLevel: '0',
      affiliateID: 0,
      rsaPublicKey: '',
      isMaster: true,
      parentUid: '0',
      kycLevel: 'LEVEL_DEFAULT',
      kycRegion: '',
      userIDInt64: String(USER_ID),
      inviterIDInt64: '0',
      affiliateIDInt64: '0',
    };
  },
};
