// Composition for `bybot download`: a Bybit client built from the configuration, feeding the history store.
import type { LoadedConfig } from '../config/load-config.js';
import { systemRandom } from '../core/random.js';
import { BybitPublicClient } from '../data/download/bybit-public-client.js';
import { downloadHistory, type DownloadProgress, type DownloadSummary } from '../data/download/download-history.js';
import type { Timeframe } from '../domain/timeframe.js';
import { historyStore, type DataContext } from './data-files.js';

export interface DownloadRequest {
  readonly symbol: string;
  readonly timeframe: Timeframe;
  readonly from: number;
  readonly to: number;
  readonly funding: boolean;
  readonly onProgress?: (progress: DownloadProgress) => void;
  readonly onRetry?: (message: string) => void;
}

export async function downloadToStore(loaded: LoadedConfig, ctx: DataContext, request: DownloadRequest): Promise<DownloadSummary> {
  const { bybit } = loaded.config;
  const client = new BybitPublicClient({
    baseUrl: bybit.baseUrl,
    timeoutMs: bybit.requestTimeoutMs,
    retry: { maxAttempts: bybit.maxRetries + 1 },
    random: systemRandom(),
    ...(request.onRetry ? { onRetry: (n) => request.onRetry!(`retry ${n.attempt} in ${n.delayMs} ms: ${n.reason}`) } : {}),
  });
  return downloadHistory({
    client,
    store: historyStore(ctx),
    symbol: request.symbol,
    timeframe: request.timeframe,
    from: request.from,
    to: request.to,
    include: { funding: request.funding, instrument: true },
    ...(request.onProgress ? { onProgress: request.onProgress } : {}),
  });
}
