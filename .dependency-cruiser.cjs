/**
 * The layers, and who may import whom: `npm run check` runs dependency-cruiser with this file
 * (`npm run layers`), and tests/unit/tooling/layers.test.ts proves a wrong import fails it.
 *
 * One table, like VS Code's layer rules: each layer, its folder, and the layers it may import
 * (its own files are always allowed). A folder renamed means one `folder` changed here.
 * DOM-free `common` is enforced by the compiler instead: tsconfig.node.json compiles it without
 * the DOM library.
 */
const LAYERS = {
  /** Pure TypeScript shared with the renderer: no Node, no DOM, no Electron. */
  common: { folder: 'electron/common', mayImport: [], node: false },
  /** The kiosk core in plain Node: never `electron`, a shell or the CLI. */
  nodeCore: { folder: 'electron/node-core', mayImport: ['common'], node: true },
  /** Transport 1: loopback HTTP. */
  nodeBrowserShell: { folder: 'electron/node-browser-shell', mayImport: ['common', 'nodeCore'], node: true },
  /** Transport 2: Electron's main process and IPC. */
  electronMain: { folder: 'electron/electron-main', mayImport: ['common', 'nodeCore'], node: true, electron: true },
  /** The sandboxed preload: the contract's method names and `electron`'s contextBridge, nothing else. */
  electronPreload: { folder: 'electron/electron-preload', mayImport: ['common'], node: false, electron: true },
  /** The clinic's central collector (PostgreSQL): a server of its own, reached only through the CLI. */
  nodeCollector: { folder: 'electron/node-collector', mayImport: ['common', 'nodeCore'], node: true },
  /** The `clinic-kiosk` command: starts either shell, or the collector. */
  nodeCli: { folder: 'electron/node-cli', mayImport: ['common', 'nodeCore', 'nodeBrowserShell', 'electronMain', 'nodeCollector'], node: true },
  /** The Svelte UI: talks to the kiosk only through the common contract. */
  renderer: { folder: 'renderer', mayImport: ['common'], node: false },
};

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const under = (folder) => `^${escape(folder)}/`;

const rules = Object.entries(LAYERS).flatMap(([name, layer]) => {
  const allowed = [name, ...layer.mayImport].map((other) => under(LAYERS[other].folder));
  const layerRules = [
    {
      name: `${name}-imports-only-${[...layer.mayImport, 'itself'].join('-')}`,
      comment: `${layer.folder} may import only ${[...layer.mayImport.map((other) => LAYERS[other].folder), 'its own files'].join(', ')}.`,
      severity: 'error',
      from: { path: under(layer.folder) },
      to: { path: Object.values(LAYERS).map((other) => under(other.folder)), pathNot: allowed },
    },
  ];
  if (!layer.node) {
    layerRules.push({
      name: `${name}-uses-no-node`,
      comment: `${layer.folder} runs outside Node: no Node built-in modules.`,
      severity: 'error',
      from: { path: under(layer.folder) },
      to: { dependencyTypes: ['core'] },
    });
  }
  if (!layer.electron) {
    layerRules.push({
      name: `${name}-imports-no-electron`,
      comment: `Only the Electron main process and the preload import 'electron'; ${layer.folder} must run without it.`,
      severity: 'error',
      from: { path: under(layer.folder) },
      to: { path: '(^|/)node_modules/electron/' },
    });
  }
  return layerRules;
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...rules,
    {
      name: 'no-unresolvable-imports',
      comment: 'An import that resolves to nothing would slip past every rule above.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.svelte', '.json', '.d.ts'],
    },
  },
};
