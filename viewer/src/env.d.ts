/// <reference types="vite/client" />

/** The town's deployment, checked at build time (scripts/vite-deployment.ts). */
declare module 'virtual:deployment' {
  const deployment: import('../../schemas/deployment.ts').Deployment;
  export default deployment;
}
