/**
 * The layers of the code and which may import which (`npm run lint` runs this; CI fails on any error).
 *
 *   domain      pure rules and data (deadlines, questionnaires, reports' analysis, charts as SVG): imports nothing of ours
 *   workflows   deterministic orchestration: domain, and the activities' types for proxyActivities
 *   platform    infrastructure (config, database client, logger, embedded servers)
 *   services    the only writers of the database, one module per aggregate: domain, platform
 *   activities  thin Temporal adapters: services, domain, platform
 *   client      typed operations shared by the console and the CLI: services, domain, platform, workflows' definitions
 *   web         HTTP: client, services, domain, platform (never activities: what both need lives below them)
 *   worker      composition root of the worker: anything but web and client
 *
 * Composition roots that wire the layers together are named where they are excepted. Type-only imports count: a
 * cycle of types still ties the modules' edits together.
 */
const PRODUCT = '^(activities|client|domain|platform|services|web|worker|workflows)/';
const TOOLING = '^(test|bench|chaos|harness|scripts)/';

/** Entry points that build the whole application (npm start, npm run web, the CLI's in-process rehearsal). */
const COMPOSITION_ROOTS = ['^platform/start-embedded\\.ts$', '^web/main\\.ts$', '^client/rehearsal/rehearse\\.ts$'];

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'Modules that import each other cannot be understood, tested or changed apart: move what both need into a ' +
        'leaf module.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-imports-nothing-above',
      severity: 'error',
      comment: 'domain/ is pure and shared by the server, the worker, workflows and the browser bundle.',
      from: { path: '^domain/' },
      to: { path: `${PRODUCT}|${TOOLING}|^prisma/`, pathNot: '^domain/' },
    },
    {
      name: 'workflows-only-domain',
      severity: 'error',
      comment: 'Workflows are deterministic: they reach the world only through activities, by type.',
      from: { path: '^workflows/' },
      to: { path: `${PRODUCT}|${TOOLING}|^prisma/`, pathNot: '^(workflows|domain|activities)/' },
    },
    {
      name: 'workflows-activities-by-type-only',
      severity: 'error',
      from: { path: '^workflows/' },
      to: { path: '^activities/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'platform-is-infrastructure',
      severity: 'error',
      from: { path: '^platform/', pathNot: COMPOSITION_ROOTS },
      to: { path: `${PRODUCT}|${TOOLING}|^prisma/`, pathNot: '^(platform|domain)/' },
    },
    {
      name: 'services-below-activities-and-web',
      severity: 'error',
      from: { path: '^services/' },
      to: { path: `${PRODUCT}|${TOOLING}|^prisma/`, pathNot: '^(services|domain|platform)/' },
    },
    {
      name: 'activities-below-client-and-web',
      severity: 'error',
      from: { path: '^activities/' },
      to: { path: `${PRODUCT}|${TOOLING}|^prisma/`, pathNot: '^(activities|services|domain|platform)/' },
    },
    {
      name: 'client-not-activities-or-workflow-code',
      severity: 'error',
      comment:
        'The client starts and signals workflows by name through their definitions; it needs the activities and ' +
        'workflow functions only as types.',
      from: { path: '^client/', pathNot: COMPOSITION_ROOTS },
      to: {
        path: '^(activities|workflows)/',
        pathNot: '^workflows/definitions\\.ts$',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'client-below-web',
      severity: 'error',
      from: { path: '^client/', pathNot: COMPOSITION_ROOTS },
      to: { path: `^(web|worker)/|${TOOLING}|^prisma/` },
    },
    {
      name: 'web-not-activities',
      severity: 'error',
      comment: 'The web server runs without the worker: what it shares with activities lives in domain/ or services/.',
      from: { path: '^web/', pathNot: COMPOSITION_ROOTS },
      to: { path: `^(activities|worker|workflows)/|${TOOLING}|^prisma/`, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'browser-bundle-only-domain',
      severity: 'error',
      comment: 'web/client is bundled for the browser: it may use only domain/ (the server validation it runs).',
      from: { path: '^web/client/' },
      to: { path: PRODUCT, pathNot: '^(web/client|domain)/' },
    },
    {
      name: 'worker-not-web-or-client',
      severity: 'error',
      from: { path: '^worker/' },
      to: { path: `^(web|client)/|${TOOLING}` },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|\\.data|\\.tools)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // web/client has its own tsconfig (DOM types); its imports resolve the same way.
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
