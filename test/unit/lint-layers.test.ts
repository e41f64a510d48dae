// The layer rules are enforced by the lint, not by habit: each boundary violation fails ESLint with
// a message naming the rule it broke, and the same import from a layer allowed to make it passes.
import { ESLint } from 'eslint';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The messages ESLint reports for `code` as if it were the file `file` (relative to the root). */
async function lint(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

const violations: { rule: string; file: string; code: string; message: RegExp }[] = [
  {
    rule: 'shared/ imports no other part of the project',
    file: 'shared/probe.ts',
    code: "import { systemClock } from '../electron/core/clock';\nexport const probe = systemClock;\n",
    message: /Layer rule: shared\/ imports no other part of the project/,
  },
  {
    rule: 'shared/ uses no Node built-ins',
    file: 'shared/probe.ts',
    code: "import fs from 'node:fs';\nexport const probe = fs;\n",
    message: /no-nodejs-modules/,
  },
  {
    rule: 'the core never imports electron',
    file: 'electron/core/probe.ts',
    code: "import { app } from 'electron';\nexport const probe = app;\n",
    message: /Layer rule: the core \(electron\/core\) never imports electron/,
  },
  {
    rule: 'the core does not import electron/main',
    file: 'electron/core/probe.ts',
    code: "import { configureAppIdentity } from '../main/app-identity';\nexport const probe = configureAppIdentity;\n",
    message: /Layer rule: the core \(electron\/core\) imports neither electron\/main/,
  },
  {
    rule: 'the core does not import the CLI',
    file: 'electron/core/probe.ts',
    code: "import { main } from '../cli/main';\nexport const probe = main;\n",
    message: /Layer rule: the core \(electron\/core\) imports neither/,
  },
  {
    rule: 'the core does not import browser mode',
    file: 'electron/core/probe.ts',
    code: "import { startBrowserServer } from '../browser/server';\nexport const probe = startBrowserServer;\n",
    message: /Layer rule: the core \(electron\/core\) imports neither/,
  },
  {
    rule: 'the renderer does not import electron/**',
    file: 'renderer/src/probe.ts',
    code: "import { Inventory } from '../../electron/core/inventory';\nexport const probe = Inventory;\n",
    message: /Layer rule: the renderer imports only shared\/ and its own files/,
  },
  {
    rule: 'the renderer does not import better-sqlite3',
    file: 'renderer/src/probe.ts',
    code: "import Database from 'better-sqlite3';\nexport const probe = Database;\n",
    message: /Layer rule: the renderer never imports better-sqlite3/,
  },
  {
    rule: 'the renderer does not import electron',
    file: 'renderer/src/probe.ts',
    code: "import { ipcRenderer } from 'electron';\nexport const probe = ipcRenderer;\n",
    message: /Layer rule: the renderer never imports electron/,
  },
  {
    rule: 'the renderer uses no Node built-ins',
    file: 'renderer/src/probe.ts',
    code: "import path from 'node:path';\nexport const probe = path;\n",
    message: /no-nodejs-modules/,
  },
  {
    rule: 'browser mode does not import electron/main',
    file: 'electron/browser/probe.ts',
    code: "import { registerIpcHandlers } from '../main/ipc';\nexport const probe = registerIpcHandlers;\n",
    message: /Layer rule: browser mode does not import electron\/main/,
  },
  {
    rule: 'the CLI does not import electron/main',
    file: 'electron/cli/probe.ts',
    code: "import { registerIpcHandlers } from '../main/ipc';\nexport const probe = registerIpcHandlers;\n",
    message: /Layer rule: the CLI does not import electron\/main/,
  },
  {
    rule: 'every imported package is declared',
    file: 'electron/core/probe.ts',
    // unzipper is installed (exceljs depends on it) but not one of ours.
    code: "import unzipper from 'unzipper';\nexport const probe = unzipper;\n",
    message: /import-x\/no-extraneous-dependencies: 'unzipper' should be listed/,
  },
];

describe('the lint enforces the layers', () => {
  for (const v of violations) {
    it(`fails: ${v.rule}`, async () => {
      const messages = await lint(v.file, v.code);
      expect(
        messages.some((m) => v.message.test(m)),
        messages.join('\n'),
      ).toBe(true);
    });
  }

  it('passes imports each layer may make', async () => {
    const allowed: [string, string][] = [
      ['shared/probe.ts', "import { NUMBER_STATES } from './domain';\nexport const probe = NUMBER_STATES;\n"],
      ['electron/core/probe.ts', "import { NUMBER_STATES } from '../../shared/domain';\nexport const probe = NUMBER_STATES;\n"],
      [
        'electron/main/probe.ts',
        "import { app } from 'electron';\nimport { Inventory } from '../core/inventory';\nexport const probe = [app, Inventory];\n",
      ],
      ['electron/cli/probe.ts', "import { Inventory } from '../core/inventory';\nexport const probe = Inventory;\n"],
      ['renderer/src/probe.ts', "import { NUMBER_STATES } from '../../shared/domain';\nexport const probe = NUMBER_STATES;\n"],
    ];
    for (const [file, code] of allowed) expect(await lint(file, code), file).toEqual([]);
  });
});
