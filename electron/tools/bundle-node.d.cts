// Types for bundle-node.cjs, which the tests call to bundle their own Node entries the same way.
export function bundleForNode(entry: string, outfile: string, options?: Record<string, unknown>): string;
export function ensureBundle(entry: string, outfile: string, options?: Record<string, unknown>): string;
export function isCurrent(target: string): boolean;
export const EXPORT_WORKER_ENTRY: string;
