// The private streams from the ledger: every change of an order, fill, position or the wallet is pushed to the authenticated subscribers of its topic.
import type { Exchange } from '../exchange.js';
import type { LedgerChange } from '../ledger/ledger.js';
import { IdSource } from '../synthetic.js';
import type { Hub } from './hub.js';
import { streamExecutionRow, streamOrderRow, streamPositionRow, streamWalletRow } from './private-rows.js';
import type { PrivateStream } from './topics.js';

type Row = Record<string, unknown>;

/**
 * Order and execution rows are taken when the change happens (a partly filled order that fills in the
 * same candle is pushed as PartiallyFilled, then Filled). What one turn of the event loop changed goes
 * out together at its end, one frame per topic ({id, topic, creationTime, data}); positions and the
 * wallet as they stand then, when the replay clock has reached the candle's close (so the mark price
 * and unrealised PnL are those REST shows; Bybit: "the unrealised PnL change does not trigger an event").
 */
export class PrivateFeed {
  private rows: Record<'order' | 'execution', Row[]> = { order: [], execution: [] };
  /** Symbols whose position to push, in the order they changed. */
  private positions = new Set<string>();
  private walletChanged = false;
  private scheduled = false;
  private readonly ids: IdSource;
  private readonly stopObserving: () => void;

  constructor(
    private readonly exchange: Exchange,
    private readonly hub: Hub,
  ) {
    this.ids = new IdSource(exchange.seed, 'stream-message');
    this.stopObserving = exchange.ledger.onChange((change) => this.onChange(change));
  }

  stop(): void {
    this.stopObserving();
  }

  private onChange({ event, order, execution }: LedgerChange): void {
    if (!this.hub.anyPrivate()) return;
    const wants = (stream: PrivateStream): boolean => this.hub.privateAudience(stream).length > 0;
    if (order !== undefined && wants('order')) this.rows.order.push(streamOrderRow(this.exchange, order));
    if (execution !== undefined && wants('execution')) this.rows.execution.push(streamExecutionRow(this.exchange, execution));
    // Bybit pushes the position on every order created, amended or cancelled, "regardless if there's any actual change".
    const symbol =
      event.type === 'positionChanged' || event.type === 'fundingPaid' ? event.symbol : event.type === 'orderAccepted' || event.type === 'orderCancelled' ? event.order.symbol : undefined;
    if (symbol !== undefined && (event.type !== 'orderCancelled' || order !== undefined)) this.positions.add(symbol);
    if (event.type !== 'liquidated' && (order !== undefined || execution !== undefined || event.type === 'positionChanged')) this.walletChanged = true;
    if (!this.scheduled) {
      this.scheduled = true;
      queueMicrotask(() => this.flush());
    }
  }

  private flush(): void {
    this.scheduled = false;
    const { rows, positions } = this;
    this.rows = { order: [], execution: [] };
    this.positions = new Set();
    const now = this.exchange.now;
    for (const stream of ['order', 'execution'] as const) if (rows[stream].length > 0) this.send(stream, rows[stream], now);
    if (positions.size > 0 && this.hub.privateAudience('position').length > 0) {
      this.send('position', [...positions].map((symbol) => streamPositionRow(this.exchange, symbol)), now);
    }
    if (this.walletChanged) {
      this.walletChanged = false;
      if (this.hub.privateAudience('wallet').length > 0) this.send('wallet', [streamWalletRow(this.exchange)], now);
    }
  }

  private send(stream: PrivateStream, data: readonly Row[], now: number): void {
    const id = this.ids.next();
    for (const [connection, topic] of this.hub.privateAudience(stream)) {
      connection.push(topic, JSON.stringify({ id, topic, creationTime: now, data }));
    }
  }
}
