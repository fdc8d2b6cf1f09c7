import { describe, expect, it } from 'vitest';
import { editedPayload, referencePayload } from '../test-support/reference.js';
import { parseFrame } from './frame.js';

// Private topics (§11), from the official examples verbatim, and the edits that exercise each branch.
const orderWith = (edit: (row: Record<string, unknown>) => void) => parseFrame(editedPayload('ws-order', (p) => edit(p.data[0])));

describe('order topic', () => {
  it('a filled order is an orderUpdated carrying the domain OrderState', () => {
    expect(parseFrame(referencePayload('ws-order'))).toEqual([
      {
        type: 'orderUpdated',
        time: 1672364262457,
        order: {
          clientId: '',
          symbol: 'ETH-30DEC22-1400-C',
          side: 'sell',
          type: 'market',
          qty: 1,
          timeInForce: 'IOC',
          reduceOnly: false,
          closeOnTrigger: false,
          orderId: '5cf98598-39a7-459e-97bf-76ca765ee020',
          status: 'Filled',
          filledQty: 1,
          avgFillPrice: 75,
          createdTime: 1672364262444,
          updatedTime: 1672364262457,
        },
      },
    ]);
  });

  it('maps each status to its venue event', () => {
    expect(orderWith((o) => (o.orderStatus = 'New'))[0]).toMatchObject({ type: 'orderAccepted', order: { status: 'New' } });
    expect(orderWith((o) => (o.orderStatus = 'Untriggered'))[0]).toMatchObject({ type: 'orderAccepted', order: { status: 'Untriggered' } });
    expect(orderWith((o) => (o.orderStatus = 'Triggered'))[0]).toMatchObject({ type: 'orderTriggered' });
    expect(orderWith((o) => (o.orderStatus = 'PartiallyFilled'))[0]).toMatchObject({ type: 'orderUpdated', order: { status: 'PartiallyFilled' } });
    expect(orderWith((o) => Object.assign(o, { orderStatus: 'Rejected', rejectReason: 'EC_NoEnoughQtyToFill' }))[0]).toMatchObject({ type: 'orderRejected', reason: 'EC_NoEnoughQtyToFill', code: 0, order: { rejectReason: 'EC_NoEnoughQtyToFill' } });
    expect(orderWith((o) => Object.assign(o, { orderStatus: 'Cancelled', cancelType: 'CancelByUser' }))[0]).toMatchObject({ type: 'orderCancelled', reason: 'CancelByUser' });
    expect(orderWith((o) => Object.assign(o, { orderStatus: 'Cancelled', rejectReason: 'EC_PostOnlyWillTakeLiquidity' }))[0]).toMatchObject({ type: 'orderCancelled', reason: 'EC_PostOnlyWillTakeLiquidity' });
    expect(orderWith((o) => Object.assign(o, { orderStatus: 'Deactivated', cancelType: 'CancelByTpSlTsClear' }))[0]).toMatchObject({ type: 'orderCancelled', reason: 'CancelByTpSlTsClear', order: { status: 'Deactivated' } });
    expect(orderWith((o) => (o.orderStatus = 'PartiallyFilledCanceled'))[0]).toMatchObject({ type: 'orderCancelled', order: { status: 'Cancelled' } });
  });

  it('reads a linear conditional limit order with attached TP/SL, reduce-only and close-on-trigger', () => {
    const [event] = orderWith((o) =>
      Object.assign(o, {
        category: 'linear', symbol: 'XRPUSDT', orderLinkId: 'bybot-7', orderType: 'Limit', price: '0.5750', timeInForce: 'PostOnly', orderStatus: 'Untriggered',
        triggerPrice: '0.5800', triggerDirection: 2, triggerBy: 'MarkPrice', takeProfit: '0.6500', stopLoss: '0.5500', tpTriggerBy: 'LastPrice', slTriggerBy: 'MarkPrice',
        tpslMode: 'Partial', tpLimitPrice: '0.6450', reduceOnly: true, closeOnTrigger: true, cumExecQty: '0', avgPrice: '',
      }),
    );
    expect(event).toMatchObject({
      type: 'orderAccepted',
      order: {
        clientId: 'bybot-7', symbol: 'XRPUSDT', type: 'limit', price: 0.575, timeInForce: 'PostOnly', status: 'Untriggered',
        trigger: { price: 0.58, by: 'mark', direction: 'fall' }, takeProfit: 0.65, stopLoss: 0.55, tpTriggerBy: 'last', slTriggerBy: 'mark',
        tpslMode: 'Partial', tpLimitPrice: 0.645, reduceOnly: true, closeOnTrigger: true, filledQty: 0, avgFillPrice: NaN,
      },
    });
  });

  it('reports a row bybot cannot represent and keeps the other rows', () => {
    const frame = editedPayload('ws-order', (p) => p.data.push({ ...p.data[0], orderId: 'second', triggerPrice: '1450', triggerDirection: 1, triggerBy: 'IndexPrice' }));
    const events = parseFrame(frame);
    expect(events[0]).toMatchObject({ type: 'orderUpdated' });
    expect(events[1]).toEqual({ type: 'unhandled', topic: 'order', reason: 'data[1].triggerBy "IndexPrice" is not supported by bybot (supported: LastPrice, MarkPrice)' });
    expect(orderWith((o) => (o.timeInForce = 'RPI'))[0]).toMatchObject({ type: 'unhandled', reason: expect.stringContaining('data[0].timeInForce "RPI"') });
  });

  it('names a malformed row by field and value', () => {
    expect(() => orderWith((o) => (o.qty = 'one'))).toThrow('order: data[0].qty must be a decimal string, got "one"');
    expect(() => orderWith((o) => (o.triggerDirection = 3))).toThrow('order: data[0].triggerDirection must be 0, 1 (rise) or 2 (fall), got 3');
    expect(() => orderWith((o) => delete o.reduceOnly)).toThrow('order: data[0].reduceOnly is missing');
  });
});

describe('execution topic', () => {
  it('a trade → a Fill with fee, maker flag and the fill details the venue adapter joins on', () => {
    expect(parseFrame(referencePayload('ws-execution'))).toEqual([
      {
        type: 'fill',
        time: 1746270400353,
        fill: { orderId: '9aac161b-8ed6-450d-9cab-c5cc67c21784', clientId: '', symbol: 'BTCUSDT', side: 'sell', price: 95900.1, qty: 0.5, fee: 26.3725275, maker: false, time: 1746270400353, cause: 'order' },
        execId: '0ab1bdf7-4219-438b-b30a-32ec863018f7',
        seq: 140612148849382,
        leavesQty: 0,
        closedSize: 0.5,
        realisedPnl: 0.05,
      },
    ]);
  });

  it('a funding settlement → fundingPaid (execFee the amount, feeRate the rate), not a fill', () => {
    const funding = editedPayload('ws-execution', (p) => Object.assign(p.data[0], { execType: 'Funding', orderType: 'UNKNOWN', execFee: '-0.0125', feeRate: '0.0001' }));
    expect(parseFrame(funding)).toEqual([{ type: 'fundingPaid', time: 1746270400353, symbol: 'BTCUSDT', rate: 0.0001, amount: -0.0125 }]);
  });

  it('gives the cause from the stop order type and the execution type', () => {
    const cause = (edit: Record<string, string>) => parseFrame(editedPayload('ws-execution', (p) => Object.assign(p.data[0], edit)))[0];
    expect(cause({ stopOrderType: 'TakeProfit' })).toMatchObject({ fill: { cause: 'takeProfit' } });
    expect(cause({ stopOrderType: 'PartialTakeProfit' })).toMatchObject({ fill: { cause: 'takeProfit' } });
    expect(cause({ stopOrderType: 'StopLoss' })).toMatchObject({ fill: { cause: 'stopLoss' } });
    expect(cause({ stopOrderType: 'PartialStopLoss' })).toMatchObject({ fill: { cause: 'stopLoss' } });
    expect(cause({ stopOrderType: 'TrailingStop' })).toMatchObject({ fill: { cause: 'trailingStop' } });
    expect(cause({ stopOrderType: 'Stop' })).toMatchObject({ fill: { cause: 'order' } });
    expect(cause({ execType: 'BustTrade' })).toMatchObject({ fill: { cause: 'liquidation' } });
    expect(cause({ execType: 'Settle' })).toEqual({ type: 'unhandled', topic: 'execution', reason: expect.stringContaining('data[0].execType "Settle" is not supported') });
  });

  it('names a bad number and leaves execution.fast to the unhandled count', () => {
    expect(() => parseFrame(editedPayload('ws-execution', (p) => (p.data[0].execFee = 'NaN')))).toThrow('execution: data[0].execFee must be a decimal string, got "NaN"');
    expect(parseFrame({ topic: 'execution.fast', creationTime: 1, data: [] })).toMatchObject([{ type: 'unhandled', topic: 'execution.fast' }]);
  });
});

describe('position and wallet topics', () => {
  it('a flat position → size 0, entry NaN, the "0" stops and liquidation price unset', () => {
    expect(parseFrame(referencePayload('ws-position'))).toEqual([
      {
        type: 'position',
        time: 1697682317038,
        position: { symbol: 'BTCUSDT', positionIdx: 2, size: 0, entryPrice: NaN, markPrice: 28184.5, leverage: 10, unrealisedPnl: 0, currentRealisedPnl: 1.26, cumulativeRealisedPnl: -25.06579337, status: 'Normal', seq: 8327597863 },
      },
    ]);
  });

  it('a short with stops → negative size and its stop-loss, take-profit and liquidation price', () => {
    const short = editedPayload('ws-position', (p) => Object.assign(p.data[0], { side: 'Sell', size: '0.25', entryPrice: '28100.5', stopLoss: '29000', takeProfit: '27000', trailingStop: '150', liqPrice: '31000.2' }));
    expect(parseFrame(short)[0]).toMatchObject({ position: { size: -0.25, entryPrice: 28100.5, stopLoss: 29000, takeProfit: 27000, trailingStop: 150, liqPrice: 31000.2 } });
    expect(() => parseFrame(editedPayload('ws-position', (p) => (p.data[0].side = 'Long')))).toThrow('position: data[0].side must be one of "Buy", "Sell", "", got "Long"');
  });

  it('wallet → balances in USD and per coin, "" read as NaN', () => {
    expect(parseFrame(referencePayload('ws-wallet'))).toEqual([
      {
        type: 'wallet',
        time: 1700034722104,
        wallet: {
          accountType: 'UNIFIED', totalEquity: 10262.91335023, totalWalletBalance: 9684.46297164, totalMarginBalance: 9684.46297164, totalAvailableBalance: 9556.6056555,
          totalUnrealisedPnl: 0, totalInitialMargin: 0, totalMaintenanceMargin: 0,
          coins: [{ coin: 'BTC', walletBalance: 0.00102964, equity: 0.00102964, unrealisedPnl: 0, cumulativeRealisedPnl: -0.00000973, usdValue: 36.70759517, positionMargin: NaN, orderMargin: NaN }],
        },
      },
    ]);
  });
});
