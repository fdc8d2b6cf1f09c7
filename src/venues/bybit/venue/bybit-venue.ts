// The Bybit V5 venue: commands become signed REST calls behind the rate gate, the private stream (or REST when it is silent) reports what happened, and a stop guard and reconciliation keep positions safe.
import { ConfigError, RemoteRejectedError } from '../../../core/errors.js';
import { InstrumentRules } from '../../../domain/instrument.js';
import { isPassedTakeProfit, type OrderRequest } from '../../../domain/order.js';
import type { PositionState } from '../../../domain/position.js';
import type { VenueEvent } from '../../../domain/venue-events.js';
import type { ExecutionVenue, TradingStop } from '../../../ports/execution-venue.js';
import { createOrderParams, tradingStopParams } from '../client/order-params.js';
import { PrivateStream, type StreamStatus } from '../client/private-stream.js';
import { BYBIT_CLIENT_LIMITS, RateGate, type Priority, type Timers } from '../client/rate-gate.js';
import { BybitRest, OutcomeUnknownError, RateLimitedError, type Params } from '../client/rest.js';
import type { StreamEvent, WalletBalance } from '../parse/events.js';
import { walletFromWire } from '../parse/account.js';
import { apiKeyFromRest } from '../parse/rest.js';
import { ENDPOINTS, type EndpointName, type ResultOf } from '../wire/endpoints.js';
import { DEFAULTS, type BybitVenueOptions, type VenueNotice } from './options.js';
import { OrderTracker, type RestoredState } from './order-tracker.js';
import { reconcile, syncOrder, type ReconcileReport } from './reconcile.js';
import { StopGuard } from './stop-guard.js';

const NODE_TIMERS: Timers = { set: (fn, ms) => setTimeout(fn, ms), clear: (handle) => clearTimeout(handle as NodeJS.Timeout) };

/** Bybit's "nothing changed" answers, which mean the state asked for is already there. */
const ALREADY = new Set([110043 /* leverage not modified */, 34040 /* not modified */, 110025 /* position mode not modified */]);
/** orderLinkId already used: the order exists, look it up instead of sending it again. */
const DUPLICATE_LINK_ID = 110072;
/** The order is gone (filled or cancelled) by the time a cancel arrived. */
const ORDER_GONE = new Set([110001, 110008, 110010]);

export class BybitVenue implements ExecutionVenue {
  readonly rest: BybitRest;
  readonly tracker: OrderTracker;
  private readonly gate: RateGate;
  private readonly stream: PrivateStream;
  private readonly guard: StopGuard;
  private readonly rules = new Map<string, InstrumentRules>();
  private readonly handlers: ((event: VenueEvent) => void)[] = [];
  private readonly noticeHandlers: ((notice: VenueNotice) => void)[] = [];
  private readonly timers: Timers;
  private readonly confirmTimers = new Set<unknown>();
  private reconciling: Promise<ReconcileReport> | undefined;
  private lastWallet: WalletBalance | undefined;
  private closed = false;
  private closeSequence = 0;

  constructor(private readonly options: BybitVenueOptions) {
    this.timers = options.timers ?? NODE_TIMERS;
    for (const instrument of options.instruments) this.rules.set(instrument.symbol, new InstrumentRules(instrument));
    if (this.rules.size === 0) throw new ConfigError('instruments: a Bybit venue needs at least one instrument');
    this.rest = new BybitRest({ endpoints: options.endpoints, credentials: options.credentials, clock: options.clock, ...(options.restTimeoutMs === undefined ? {} : { timeoutMs: options.restTimeoutMs }) });
    this.gate = new RateGate(options.clock, { ...BYBIT_CLIENT_LIMITS, ...options.rateLimits }, this.timers);
    this.rest.onLimit((report) => this.gate.adjust(report));
    this.tracker = new OrderTracker((event) => this.emit(event));
    const guard = options.stopGuard ?? {};
    this.guard = new StopGuard(
      { confirmMs: guard.confirmMs ?? DEFAULTS.stopConfirmMs, policy: guard.policy ?? DEFAULTS.stopPolicy, retries: guard.retries ?? DEFAULTS.stopRetries },
      { setStop: (symbol, stopLoss) => this.sendTradingStop(symbol, { stopLoss }), close: (symbol, fraction) => this.closeFraction(symbol, fraction), notice: (n) => this.notice(n) },
      this.timers,
    );
    this.stream = new PrivateStream({ url: options.endpoints.privateStream, credentials: options.credentials, ...options.stream });
    this.stream.onEvent((event) => this.onStream(event));
    this.stream.onStatus((status) => this.onStreamStatus(status));
  }

  onEvent(handler: (event: VenueEvent) => void): void {
    this.handlers.push(handler);
  }

  onNotice(handler: (notice: VenueNotice) => void): void {
    this.noticeHandlers.push(handler);
  }

  /**
   * Start-up, also after a crash: clock sync, key check (a key that can withdraw is refused), isolated
   * margin and leverage, the private stream, then reconciliation with the exchange.
   * @throws ConfigError for a key bybot must not use; RemoteRejectedError / TransientError when the exchange cannot be reached or refuses.
   */
  async start(): Promise<ReconcileReport> {
    await this.rest.syncTime();
    const rights = apiKeyFromRest(await this.rest.call('apiKeyInfo'));
    if (rights.canWithdraw) throw new ConfigError(`API key ${rights.apiKey} has the Withdraw permission: bybot refuses to trade with a key that can move funds out; create a key without it`);
    if (rights.readOnly) this.notice({ level: 'warn', code: 'readOnlyKey', message: `API key ${rights.apiKey} is read-only: orders will be refused` });
    else if (!rights.canTradeContracts) this.notice({ level: 'warn', code: 'noTradePermission', message: `API key ${rights.apiKey} lacks the ContractTrade Order and Position permissions` });
    if (!rights.readOnly) await this.prepareAccount();
    await this.stream.connect();
    const report = await this.reconcile();
    await this.refreshWallet();
    return report;
  }

  /** The unified account's balances as last reported (the wallet topic, or REST at start-up). */
  wallet(): WalletBalance | undefined {
    return this.lastWallet;
  }

  /** Reads the wallet by REST (the safety monitor's balance check). */
  async refreshWallet(): Promise<WalletBalance | undefined> {
    const result = await this.call('walletBalance', { accountType: 'UNIFIED' }, 'normal');
    const row = result.list[0];
    if (row !== undefined) this.lastWallet = walletFromWire(row);
    return this.lastWallet;
  }

  /**
   * A restart: the open orders and positions the previous run stored, and where its fills end. Call
   * before start(); reconciliation then settles them against the exchange instead of treating the
   * orders as orphans.
   */
  restore(state: RestoredState, lastFillTime: number | undefined): void {
    this.tracker.restore(state, this.options.clock.now());
    // Fills after the last stored one were missed while down (one at the very same millisecond is the stored one).
    if (lastFillTime !== undefined) this.tracker.lastFillTime = lastFillTime + 1;
  }

  /** Compares positions, open orders and fills on the exchange with ours and settles every difference. */
  reconcile(): Promise<ReconcileReport> {
    this.reconciling ??= reconcile({
      call: (name, params) => this.call(name, params, 'normal'),
      tracker: this.tracker,
      symbols: [...this.rules.keys()],
      orphans: this.options.orphans ?? DEFAULTS.orphans,
      fillsSince: this.tracker.lastFillTime > 0 ? this.tracker.lastFillTime : this.options.fillsSince,
      observePosition: (symbol, size, stopped) => this.guard.observe(symbol, size, stopped),
      notice: (n) => this.notice(n),
      now: () => this.options.clock.now(),
    }).finally(() => (this.reconciling = undefined));
    return this.reconciling;
  }

  position(symbol: string): PositionState {
    return this.tracker.position(symbol);
  }

  /** Symbols holding a position without a confirmed stop right now (the safety monitor reads this). */
  unprotected(): string[] {
    return this.guard.unprotected();
  }

  submit(order: OrderRequest): void {
    if (order.stopLoss !== undefined && !order.reduceOnly) this.guard.want(order.symbol, order.stopLoss);
    this.tracker.track(order, this.options.clock.now());
    void this.send(order).catch((error) => this.notice({ level: 'error', code: 'orderFailed', symbol: order.symbol, message: `order ${order.clientId}: ${(error as Error).message}` }));
  }

  cancel(symbol: string, clientId: string): void {
    void this.call('cancelOrder', { category: 'linear', symbol, orderLinkId: clientId }, 'protect').then(
      () => this.confirmLater(clientId),
      (error) => this.afterRefusal(`cancel ${clientId}`, symbol, error, clientId),
    );
  }

  cancelAll(symbol: string): void {
    void this.cancelAllNow(symbol).catch((error) => this.afterRefusal(`cancel-all ${symbol}`, symbol, error));
  }

  setTradingStop(symbol: string, stop: TradingStop): void {
    if (stop.stopLoss !== undefined && (stop.tpslMode ?? 'Full') === 'Full') this.guard.want(symbol, stop.stopLoss);
    void this.sendTradingStop(symbol, stop).catch(async (error) => {
      // A ladder rung set after a late fill can lie where the price has already been: what it would
      // have taken is taken now, at market, instead of being lost.
      if (error instanceof RemoteRejectedError && isPassedTakeProfit(stop, error.message)) {
        this.notice({ level: 'warn', code: 'takeProfitPassed', symbol, message: `trading-stop ${symbol}: take-profit ${stop.takeProfit} for ${stop.tpSize} refused, the price is already past it (${error.message}); ${stop.tpSize} taken at market` });
        await this.closePart(symbol, (size) => Math.min(size, stop.tpSize!)).catch((failure) => this.afterRefusal(`take-profit at market ${symbol}`, symbol, failure));
        return;
      }
      // The position closed (its stop or target hit) while the move was on its way: nothing left to protect.
      if (error instanceof RemoteRejectedError && (await this.flatOnExchange(symbol))) {
        this.notice({ level: 'info', code: 'tradingStopMoot', symbol, message: `trading-stop ${symbol}: the position closed before the change arrived; nothing to move (${error.message})` });
        return;
      }
      this.afterRefusal(`trading-stop ${symbol}`, symbol, error);
    });
  }

  /** True when the exchange reports no position on `symbol` (asked by REST: the stream may not have told yet); false when it cannot be asked. */
  private async flatOnExchange(symbol: string): Promise<boolean> {
    try {
      const positions = await this.call('positions', { category: 'linear', symbol }, 'protect');
      return !positions.list.some((p) => p.symbol === symbol && p.size > 0);
    } catch {
      return false;
    }
  }

  setLeverage(symbol: string, leverage: number): void {
    void this.sendLeverage(symbol, leverage).catch((error) => this.afterRefusal(`set-leverage ${symbol}`, symbol, error));
  }

  /** Cancels the symbol's orders and closes its position at market; resolves once both are sent. */
  async closePosition(symbol: string): Promise<void> {
    await this.cancelAllNow(symbol);
    await this.closeFraction(symbol, 1);
  }

  /** Every symbol: orders cancelled, positions closed. */
  async flatten(): Promise<void> {
    await Promise.all([...this.rules.keys()].map((symbol) => this.closePosition(symbol)));
  }

  /** Stops the stream and every timer; orders and stops stay on the exchange. */
  close(): void {
    this.closed = true;
    this.guard.dispose();
    this.gate.close();
    for (const timer of this.confirmTimers) this.timers.clear(timer);
    this.confirmTimers.clear();
    this.stream.close();
  }

  private async prepareAccount(): Promise<void> {
    const info = await this.call('accountInfo', {}, 'normal');
    if (info.marginMode !== 'ISOLATED_MARGIN') await this.call('setMarginMode', { setMarginMode: 'ISOLATED_MARGIN' }, 'normal');
    const leverage = this.options.leverage ?? 1;
    for (const symbol of this.rules.keys()) await this.sendLeverage(symbol, typeof leverage === 'number' ? leverage : (leverage[symbol] ?? 1));
  }

  private async sendLeverage(symbol: string, leverage: number): Promise<void> {
    const value = String(leverage);
    await this.tolerant(() => this.call('setLeverage', { category: 'linear', symbol, buyLeverage: value, sellLeverage: value }, 'normal'));
  }

  private async sendTradingStop(symbol: string, stop: TradingStop): Promise<void> {
    await this.tolerant(() => this.call('tradingStop', tradingStopParams(symbol, stop, this.rulesOf(symbol)), 'protect'));
  }

  private async cancelAllNow(symbol: string): Promise<void> {
    await this.call('cancelAll', { category: 'linear', symbol }, 'protect');
    for (const order of this.tracker.open(symbol)) this.confirmLater(order.clientId);
  }

  /** Sends a reduce-only market order for `fraction` of the position as the exchange reports it now. */
  private async closeFraction(symbol: string, fraction: number): Promise<void> {
    const rules = this.rulesOf(symbol);
    await this.closePart(symbol, (size) => (fraction >= 1 ? size : rules.roundQty(size * fraction, 'down')));
  }

  /** Sends a reduce-only market order for `part(size)` of the position as the exchange reports it now (nothing when flat). */
  private async closePart(symbol: string, part: (size: number) => number): Promise<void> {
    const positions = await this.call('positions', { category: 'linear', symbol }, 'protect');
    const row = positions.list.find((p) => p.symbol === symbol && p.size > 0);
    if (row === undefined) return;
    const qty = part(row.size);
    if (!(qty > 0)) return;
    const order: OrderRequest = { clientId: `bybot-close-${this.options.clock.now().toString(36)}-${++this.closeSequence}`, symbol, side: row.side === 'Buy' ? 'sell' : 'buy', type: 'market', qty, reduceOnly: true };
    this.tracker.track(order, this.options.clock.now());
    await this.send(order);
  }

  /** Places `order`, sending the same orderLinkId again when the network loses the answer; the outcome arrives as events. */
  private async send(order: OrderRequest): Promise<void> {
    const priority: Priority = order.reduceOnly || order.closeOnTrigger ? 'protect' : 'entry';
    const params = createOrderParams(order, this.rulesOf(order.symbol));
    for (let attempt = 1; attempt <= DEFAULTS.sendAttempts && !this.closed; attempt++) {
      try {
        await this.call('createOrder', params, priority);
        this.confirmLater(order.clientId);
        return;
      } catch (error) {
        if (error instanceof RemoteRejectedError) {
          if (error.code === DUPLICATE_LINK_ID) return void (await this.lookup(order.clientId, order.symbol));
          return this.reject(order, Number(error.code), error.message);
        }
        if (!(error instanceof OutcomeUnknownError)) throw error;
        // Did it go through? The orderLinkId tells; only an order the exchange does not know is sent again.
        if (await this.lookup(order.clientId, order.symbol)) return;
      }
    }
    if (!this.closed) this.reject(order, -1, `order ${order.clientId}: no answer from the exchange after ${DEFAULTS.sendAttempts} attempts; it was not placed`);
  }

  private reject(order: OrderRequest, code: number, reason: string): void {
    const time = this.options.clock.now();
    this.tracker.apply({ type: 'orderRejected', time, code, reason, order: { ...order, orderId: '', status: 'Rejected', filledQty: 0, avgFillPrice: NaN, createdTime: time, updatedTime: time, rejectReason: reason } });
  }

  /** Looks the order up by REST and applies what it finds; false when the exchange does not know it. */
  private async lookup(clientId: string, symbol: string): Promise<boolean> {
    try {
      return await syncOrder((name, params) => this.call(name, params, 'normal'), this.tracker, symbol, clientId);
    } catch (error) {
      if (error instanceof RemoteRejectedError) throw error;
      return false;
    }
  }

  /**
   * If by then the stream has not reported on the order, or its rows report fills that never came,
   * REST is asked.
   */
  private confirmLater(clientId: string): void {
    const tracked = this.tracker.byClientId(clientId);
    if (tracked === undefined || this.closed) return;
    const seenBefore = tracked.state?.status;
    const timer = this.timers.set(() => {
      this.confirmTimers.delete(timer);
      const settled = tracked.final || (tracked.heard && tracked.state?.status !== seenBefore);
      if (settled && tracked.reportedQty <= tracked.filledQty) return;
      void this.lookup(clientId, tracked.request.symbol).catch(() => undefined);
    }, this.options.confirmMs ?? DEFAULTS.confirmMs);
    this.confirmTimers.add(timer);
  }

  /** A REST call behind the rate gate; a 10006 blocks the path until Bybit's reset and tries again. */
  private async call<N extends EndpointName>(name: N, params: Params, priority: Priority): Promise<ResultOf<N>> {
    const path = ENDPOINTS[name].path;
    for (;;) {
      await this.gate.acquire(path, priority);
      try {
        return await this.rest.call(name, params);
      } catch (error) {
        if (!(error instanceof RateLimitedError) || this.closed) throw error;
        this.gate.block(path, error.resetAt);
      }
    }
  }

  private async tolerant(request: () => Promise<unknown>): Promise<void> {
    try {
      await request();
    } catch (error) {
      if (error instanceof RemoteRejectedError && ALREADY.has(Number(error.code))) return;
      throw error;
    }
  }

  private afterRefusal(what: string, symbol: string, error: unknown, clientId?: string): void {
    if (error instanceof RemoteRejectedError && clientId !== undefined && ORDER_GONE.has(Number(error.code))) {
      void this.lookup(clientId, symbol).catch(() => undefined);
      return;
    }
    this.notice({ level: 'error', code: 'requestFailed', symbol, message: `${what}: ${(error as Error).message}` });
  }

  private onStream(event: StreamEvent): void {
    if (event.type === 'position') {
      const { symbol, size, stopLoss, trailingStop } = event.position;
      if (this.rules.has(symbol)) this.guard.observe(symbol, size, (stopLoss ?? 0) > 0 || (trailingStop ?? 0) > 0);
      return;
    }
    if (event.type === 'fill') {
      this.tracker.apply(event);
      // A fill that opens or flips a position starts the clock for its stop, until a position report shows one.
      if (this.rules.has(event.fill.symbol)) this.guard.resized(event.fill.symbol, this.tracker.position(event.fill.symbol).size);
      return;
    }
    if (event.type === 'wallet') {
      this.lastWallet = event.wallet;
      return;
    }
    if (event.type === 'control' || event.type === 'unhandled') return;
    this.tracker.apply(event as Parameters<OrderTracker['apply']>[0]);
    // An order row reporting fills we have not seen: their executions should follow; if not, REST tells.
    if ('order' in event) {
      const tracked = this.tracker.byClientId(event.order.clientId);
      if (tracked !== undefined && tracked.reportedQty > tracked.filledQty) this.confirmLater(tracked.clientId);
    }
  }

  private onStreamStatus(status: StreamStatus): void {
    if (status.type === 'reconnected') {
      this.notice({ level: 'warn', code: 'reconnected', message: 'private stream reconnected; reconciling with the exchange' });
      void this.reconcile().catch((error) => this.notice({ level: 'error', code: 'reconcileFailed', message: (error as Error).message }));
    } else if (status.type === 'malformed') {
      this.notice({ level: 'warn', code: 'malformedMessage', message: status.message });
    }
  }

  private rulesOf(symbol: string): InstrumentRules {
    const rules = this.rules.get(symbol);
    if (rules === undefined) throw new ConfigError(`symbol ${symbol} is not among this venue's instruments (${[...this.rules.keys()].join(', ')})`);
    return rules;
  }

  private emit(event: VenueEvent): void {
    for (const handler of this.handlers) handler(event);
  }

  private notice(notice: VenueNotice): void {
    for (const handler of this.noticeHandlers) handler(notice);
  }
}

