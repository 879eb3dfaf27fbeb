/// <reference types="vite/client" />

/** The town's deployment, inlined at build time by scripts/vite-deployment.ts. */
declare module 'virtual:deployment' {
  const deployment: import('../../schemas/deployment.ts').Deployment;
  export default deployment;
}
