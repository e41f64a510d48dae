// Types for build-inputs.cjs (used by vite.browser.config.mts and the tests).
import type { Plugin } from 'vite';

declare const buildInputs: {
  recordInputs(target: string, files: readonly string[]): void;
  isCurrent(target: string): boolean;
  viteRecordInputs(extraInputs?: readonly string[]): Plugin;
  root: string;
};
export = buildInputs;
