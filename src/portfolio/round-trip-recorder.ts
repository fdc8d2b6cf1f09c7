// Builds round-trip trades (flat → position → flat) from venue events alone, with their fees, funding, slippage and exit reason.
import type { Fill } from '../domain/order.js';
import type { RoundTrip } from '../domain/round-trip.js';
import type { VenueEvent } from '../domain/venue-events.js';

interface OpenTrade {
  side: 'long' | 'short';
  entryTime: number;
  /** Σ price × qty and Σ qty of the fills that opened or added. */
  entryNotional: number;
  entryQty: number;
  exitNotional: number;
  exitQty: number;
  /**
   * The price of the first entry (exit) fill and whether every later one matched it: fills all at one
   * price report that exact price, not a quotient (NaN: no such fill yet).
   */
  entryPrice: number;
  entryOnePrice: boolean;
  exitPrice: number;
  exitOnePrice: boolean;
  fees: number;
  funding: number;
  slippage: number;
  realised: number;
  lastFill?: Fill;
}

/** Exit reasons for fills the venue decided on its own. */
const CAUSE_REASON: Record<Exclude<NonNullable<Fill['cause']>, 'order'>, string> = {
  stopLoss: 'stop-loss',
  takeProfit: 'take-profit',
  trailingStop: 'trailing-stop',
  liquidation: 'liquidation',
  endOfData: 'end of data',
};

/** The round trips of one symbol. */
export class RoundTripRecorder {
  readonly trades: RoundTrip[] = [];
  private open: OpenTrade | undefined;
  private size = 0;

  /**
   * `reasonOf` names why an order was sent (the order manager's record), for exits the strategy asked
   * for; `onClosed` hears of each round trip as it ends.
   */
  constructor(
    private readonly reasonOf: (clientId: string) => string | undefined,
    private readonly onClosed?: (trade: RoundTrip) => void,
  ) {}

  on(event: VenueEvent): void {
    switch (event.type) {
      case 'orderFilled':
        return this.fill(event.fill);
      case 'fundingPaid':
        if (this.open) this.open.funding += event.amount;
        return;
      case 'positionChanged':
        if (this.open) this.open.realised += event.realisedPnl;
        this.size = event.position.size;
        if (this.size === 0 && this.open) this.close(event.time);
        return;
      default:
    }
  }

  private fill(fill: Fill): void {
    const signed = fill.side === 'buy' ? fill.qty : -fill.qty;
    if (!this.open) {
      this.open = {
        side: signed > 0 ? 'long' : 'short',
        entryTime: fill.time,
        entryNotional: 0,
        entryQty: 0,
        exitNotional: 0,
        exitQty: 0,
        entryPrice: NaN,
        entryOnePrice: true,
        exitPrice: NaN,
        exitOnePrice: true,
        fees: 0,
        funding: 0,
        slippage: 0,
        realised: 0,
        lastFill: undefined,
      };
    }
    const trade = this.open;
    const adds = (trade.side === 'long') === signed > 0;
    if (adds) {
      trade.entryNotional += fill.price * fill.qty;
      if (trade.entryQty === 0) trade.entryPrice = fill.price;
      else if (fill.price !== trade.entryPrice) trade.entryOnePrice = false;
      trade.entryQty += fill.qty;
    } else {
      trade.exitNotional += fill.price * fill.qty;
      if (trade.exitQty === 0) trade.exitPrice = fill.price;
      else if (fill.price !== trade.exitPrice) trade.exitOnePrice = false;
      trade.exitQty += fill.qty;
    }
    trade.fees += fill.fee;
    trade.slippage += fill.slippageCost ?? 0;
    trade.lastFill = fill;
  }

  private close(time: number): void {
    const t = this.open!;
    const last = t.lastFill;
    const cause = last?.cause && last.cause !== 'order' ? CAUSE_REASON[last.cause] : undefined;
    const exitReason = cause ?? (last ? this.reasonOf(last.clientId) : undefined) ?? 'exit';
    const trade: RoundTrip = {
      side: t.side,
      entryTime: t.entryTime,
      exitTime: time,
      entryPrice: t.entryOnePrice ? t.entryPrice : t.entryNotional / t.entryQty,
      exitPrice: t.exitOnePrice ? t.exitPrice : t.exitNotional / t.exitQty,
      quantity: t.entryQty,
      fees: t.fees,
      funding: t.funding,
      slippage: t.slippage,
      pnl: t.realised - t.fees - t.funding,
      exitReason,
    };
    this.trades.push(trade);
    this.open = undefined;
    this.onClosed?.(trade);
  }
}
