// Vitest globalSetup: one throwaway PostgreSQL cluster for the whole run, handed to the test files
// (each makes its own database in it, see test/helpers/pg-database.ts) and removed at the end.
import type { TestProject } from 'vitest/node';
import { startCluster, type PgClusterInfo } from '../helpers/pg-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    pgCluster: PgClusterInfo;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const cluster = await startCluster();
  project.provide('pgCluster', { host: cluster.host, port: cluster.port, superuserUrl: cluster.superuserUrl });
  return () => cluster.stop();
}
