// Reads the configuration once per command, applying the global --config and --data-dir flags.
import type { Command } from 'commander';
import { loadConfig, type LoadedConfig } from '../config/load-config.js';
import type { DataContext } from '../runtime/data-files.js';

export interface GlobalOptions {
  config?: string;
  dataDir?: string;
}

export function configFor(command: Command, overrides: Record<string, unknown> = {}): LoadedConfig {
  const globals = command.optsWithGlobals<GlobalOptions>();
  return loadConfig({
    ...(globals.config ? { file: globals.config } : {}),
    overrides: { ...(globals.dataDir ? { dataDir: globals.dataDir } : {}), ...overrides },
  });
}

export function dataContext(loaded: LoadedConfig): DataContext {
  const defined = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
  return {
    dataDir: loaded.dataDir,
    cacheDir: loaded.cacheDir,
    policy: defined(loaded.config.dataQuality.policy) as DataContext['policy'] & object,
    thresholds: defined(loaded.config.dataQuality.thresholds) as DataContext['thresholds'] & object,
  };
}
