// The import rules of ../shared/DESIGN.md ("Folders and who may import whom"), checked on every `npm test`.
// Each layer lists the src/ folders it may import besides itself; packages and node built-ins are always allowed.
const layers = {
  core: [],
  domain: ['core'],
  ports: ['domain', 'core'],
  data: ['ports', 'domain', 'core'],
  indicators: ['core'],
  features: ['indicators', 'domain', 'core'],
  strategy: ['features', 'indicators', 'domain', 'core'],
  risk: ['domain', 'core'],
  execution: ['ports', 'domain', 'core'],
  portfolio: ['domain', 'core'],
  engine: ['strategy', 'features', 'indicators', 'risk', 'execution', 'portfolio', 'data', 'ports', 'domain', 'core'],
  'venues/sim': ['ports', 'domain', 'core'],
  'venues/bybit': ['ports', 'domain', 'core'],
  'venues/bybit-server': ['venues/sim', 'ports', 'domain', 'core'],
  backtest: ['engine', 'strategy', 'features', 'indicators', 'risk', 'execution', 'portfolio', 'data', 'ports', 'domain', 'core'],
  storage: ['ports', 'domain', 'core'],
  observability: ['core'],
  control: ['engine', 'domain', 'core'],
  runtime: ['*'],
  config: ['core'],
  cli: ['runtime', 'config', 'core'],
  bench: ['*'],
};

const folder = (name) => (name === 'bench' ? '^bench/' : `^src/${name}/`);
// venues/* sub-folders are matched before the generic ones, so 'venues/sim' is not read as 'venues'.
const allowed = Object.entries(layers).map(([name, deps]) => ({
  from: { path: folder(name) },
  to: deps.includes('*')
    ? { path: '^(src|bench)/' }
    : { path: [folder(name), ...deps.map(folder)].join('|') },
}));
allowed.push({ from: {}, to: { dependencyTypesNot: ['local'] } });

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Cycles make layers meaningless; break them with a port or by moving the shared piece down.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'unknown-layer',
      severity: 'error',
      comment: 'Every src/ folder must be a layer named in DESIGN.md (and in .dependency-cruiser.cjs).',
      from: { path: '^src/', pathNot: `^src/(${Object.keys(layers).join('|')})/` },
      to: {},
    },
  ],
  allowed,
  allowedSeverity: 'error',
  options: {
    // Tests and their test-support helpers arrange fixtures from any layer (a CLI test seeds the
    // history store); neither is built into dist/. The rules bind production code.
    exclude: { path: '(\\.test\\.ts$|/test-support/)' },
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js'] },
  },
};
