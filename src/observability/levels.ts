// Log levels and the per-module rule: the longest configured module-name prefix decides a module's level.

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Level by module name, e.g. `{ 'venue.bybit': 'debug', engine: 'warn' }`. */
export type ModuleLevels = Readonly<Record<string, LogLevel>>;

/**
 * The level of `module`: the entry whose name equals it or is a dotted prefix of it, longest first
 * ('venue.bybit' covers 'venue.bybit.ws' but not 'venue.bybitx'); `fallback` when none matches.
 */
export function levelForModule(module: string, modules: ModuleLevels, fallback: LogLevel): LogLevel {
  let best: string | undefined;
  for (const name of Object.keys(modules)) {
    const matches = module === name || module.startsWith(`${name}.`);
    if (matches && (best === undefined || name.length > best.length)) best = name;
  }
  return best === undefined ? fallback : (modules[best] ?? fallback);
}
