/**
 * The module graph's rules, checked by `npm run lint` (dependency-cruiser). Type-only imports count: a cycle
 * through types still ties the modules together for the reader and the compiler.
 */
const SPEC = '\\.(spec|int-spec|e2e-spec)\\.ts$';
/** Test support: the @app/testing lib and each lib's `testing` entry point (`@app/<lib>/testing`). */
const TESTING = '^libs/(testing/|[^/]+/src/testing/)';
/** Who may use test support: specs, test/, bench/ and test support itself. */
const TEST_SIDE = [SPEC, '^test/', '^bench/', TESTING];
/** Shared modules with no imports of their own (one home per rule): the algorithm cores may use them. */
const PURE_SHARED = ['^libs/geocoding/src/distance\\.ts$', '^libs/clock/src/shanghai-calendar\\.ts$', '^libs/clock/src/working-days\\.ts$', '^libs/taxonomy/src/policy-directions\\.ts$', '^libs/taxonomy/src/(education|occupation-code)\\.ts$'];

/**
 * Domain libs, lowest first: a lib may import those before it, never those after it. Above them sit the libs
 * that compose domains (indexing, demo-setup, and core: the module list of the apps).
 */
const DOMAIN_ORDER = ['employer-demand', 'seeker-pool', 'matching', 'events', 'subsidies', 'early-warning', 'development-plan', 'reporting'];
const COMPOSING = ['indexing', 'demo-setup', 'core'];
/** Everything else in libs/ is platform: configuration, errors, storage, queue, auth, codes, search engine, geocoding… */
const NOT_PLATFORM = [...DOMAIN_ORDER, ...COMPOSING, 'testing', 'demo-data'];
const libs = (names) => `^libs/(${names.join('|')})/`;

const layerRules = [
  {
    name: 'platform-below-domains',
    severity: 'error',
    comment: 'Platform libs (config, database, auth, queue, search …) never import a domain lib or a composing lib.',
    from: { path: '^libs/', pathNot: [libs(NOT_PLATFORM), ...TEST_SIDE] },
    to: { path: libs([...DOMAIN_ORDER, ...COMPOSING]) },
  },
  ...DOMAIN_ORDER.map((name, i) => ({
    name: `domain-layer-order-${name}`,
    severity: 'error',
    comment: `Domain libs keep the order ${DOMAIN_ORDER.join(' < ')} (< ${COMPOSING.join(', ')}): ${name} imports none after it.`,
    from: { path: libs([name]), pathNot: TEST_SIDE },
    to: { path: libs([...DOMAIN_ORDER.slice(i + 1), ...COMPOSING]) },
  })),
];

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'The graph stays acyclic: move the shared part down (to a lower lib or a leaf module) instead.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'matching-core-is-pure',
      severity: 'error',
      comment:
        'libs/matching/src/core is plain computation over plain data: it imports nothing outside itself, except the ' +
        'LocationPrecision type of @app/geocoding (type-only, erased at compile time: see the next rule).',
      from: { path: '^libs/matching/src/core/', pathNot: SPEC },
      to: { pathNot: ['^libs/matching/src/core/', '^libs/geocoding/src/index\\.ts$', ...PURE_SHARED] },
    },
    {
      name: 'matching-core-types-only-from-geocoding',
      severity: 'error',
      comment: 'The matching core may name @app/geocoding types, never import its values (a module, a service).',
      from: { path: '^libs/matching/src/core/', pathNot: SPEC },
      to: { path: '^libs/geocoding/', pathNot: PURE_SHARED, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'event-planning-is-pure',
      severity: 'error',
      comment: 'libs/events/src/planning is plain computation over plain data: it imports nothing outside itself.',
      from: { path: '^libs/events/src/planning/', pathNot: SPEC },
      to: { pathNot: ['^libs/events/src/planning/', ...PURE_SHARED] },
    },
    {
      name: 'subsidy-core-is-pure',
      severity: 'error',
      comment: 'libs/subsidies/src/core (rules, parameters, payment batches) is plain computation over plain data: it imports nothing outside itself but the Shanghai calendar.',
      from: { path: '^libs/subsidies/src/core/', pathNot: SPEC },
      to: { pathNot: ['^libs/subsidies/src/core/', ...PURE_SHARED] },
    },
    {
      name: 'early-warning-core-is-pure',
      severity: 'error',
      comment: 'libs/early-warning/src/core (§41 checks, indicators, levels, hysteresis, escalation timing) is plain computation over plain data: it imports nothing outside itself but the Shanghai calendar.',
      from: { path: '^libs/early-warning/src/core/', pathNot: SPEC },
      to: { pathNot: ['^libs/early-warning/src/core/', ...PURE_SHARED] },
    },
    {
      name: 'development-plan-core-is-pure',
      severity: 'error',
      comment: 'libs/development-plan/src/core (indicator catalogue, balance checks, deadlines and reminders, the quarter compile) is plain computation over plain data: it imports nothing outside itself but the Shanghai calendar, the working-day calendar and the direction code list.',
      from: { path: '^libs/development-plan/src/core/', pathNot: SPEC },
      to: { pathNot: ['^libs/development-plan/src/core/', ...PURE_SHARED] },
    },
    {
      name: 'libs-not-to-apps',
      severity: 'error',
      comment: 'Libraries never import an app; apps compose libraries.',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'testing-only-from-tests',
      severity: 'error',
      comment: 'Test support (@app/testing, @app/<lib>/testing) is left out of the build: only specs, test/ and bench/ import it.',
      from: { pathNot: TEST_SIDE },
      to: { path: TESTING },
    },
    {
      name: 'demo-data-only-from-demo-setup',
      severity: 'error',
      comment: 'The demo generator (@app/demo-data) is for the demo loader (@app/demo-setup), tests and benchmarks, not for domain code.',
      from: { path: '^(libs|apps)/', pathNot: [...TEST_SIDE, '^libs/demo-data/', '^libs/demo-setup/'] },
      to: { path: '^libs/demo-data/' },
    },
    {
      name: 'demo-data-is-a-pure-generator',
      severity: 'error',
      comment: 'libs/demo-data generates data and nothing else: no Nest, no database, no domain lib (only the code tables of @app/taxonomy and @app/identifiers).',
      from: { path: '^libs/demo-data/' },
      to: { pathNot: ['^libs/(demo-data|taxonomy|identifiers)/', '^node_modules/fast-check/', ...PURE_SHARED], dependencyTypesNot: ['core'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|dist-bench|apps/web)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], mainFields: ['module', 'main', 'types', 'typings'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
