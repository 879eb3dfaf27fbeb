/**
 * Vite plugin shared by the reporter app and the viewer: exposes the deployment as the
 * build-time module `virtual:deployment`, and writes the app's `_headers` file.
 * The deployment file comes from `STOPDEAL_DEPLOYMENT` (default `.dev/deployment.json`,
 * written by `npm start` on first run).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { headersFile, loadDeployment, reporterHeaders, viewerHeaders } from './deployment.ts';

const ID = 'virtual:deployment';

export function deploymentFile(): string {
  return resolve(process.env.STOPDEAL_DEPLOYMENT ?? '.dev/deployment.json');
}

export function deploymentPlugin(app: 'pwa' | 'viewer'): Plugin {
  const file = deploymentFile();
  return {
    name: 'stopdeal-deployment',
    resolveId: (id) => (id === ID ? '\0' + ID : undefined),
    async load(id) {
      if (id !== '\0' + ID) return;
      if (!existsSync(file)) throw new Error(`no deployment file at ${file}: run "npm start" once, or set STOPDEAL_DEPLOYMENT`);
      this.addWatchFile(file);
      return `export default ${JSON.stringify(await loadDeployment(file))};`;
    },
    async generateBundle() {
      const d = await loadDeployment(file);
      this.emitFile({ type: 'asset', fileName: '_headers', source: headersFile(app === 'viewer' ? viewerHeaders(d) : reporterHeaders()) });
    },
  };
}
