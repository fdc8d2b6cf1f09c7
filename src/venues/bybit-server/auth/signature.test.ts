// The signature: the reference's worked examples of the string to sign, and the HMAC itself.
import { describe, expect, it } from 'vitest';
import { prehash, sign, signatureMatches } from './signature.js';

describe('Bybit request signature', () => {
  it('builds the string to sign exactly as the reference worked examples do', () => {
    // §2.4 GET: timestamp + api_key + recv_window + queryString.
    expect(prehash('1658384314791', 'XXXXXXXXXX', '5000', 'category=option&symbol=BTC-29JUL22-25000-C')).toBe(
      '1658384314791XXXXXXXXXX5000category=option&symbol=BTC-29JUL22-25000-C',
    );
    // §2.4 POST: the JSON body as sent, spaces included.
    expect(prehash('1658385579423', 'XXXXXXXXXX', '5000', '{"category": "option"}')).toBe('1658385579423XXXXXXXXXX5000{"category": "option"}');
  });

  it('is HMAC-SHA256 in lowercase hex (the well-known test vector)', () => {
    expect(sign('key', 'The quick brown fox jumps over the lazy dog')).toBe('f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8');
  });

  it('is accepted in either case and refused when the secret, the text or the signature differs', () => {
    const text = prehash('1658384314791', 'XXXXXXXXXX', '5000', 'category=option&symbol=BTC-29JUL22-25000-C');
    const signature = sign('secret', text);
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
    expect(signatureMatches('secret', text, signature)).toBe(true);
    expect(signatureMatches('secret', text, signature.toUpperCase())).toBe(true);
    expect(signatureMatches('other', text, signature)).toBe(false);
    expect(signatureMatches('secret', `${text} `, signature)).toBe(false);
    expect(signatureMatches('secret', text, signature.slice(1))).toBe(false);
  });
});
