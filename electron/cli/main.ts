// The number-inventory command line: the same core as the desktop app, for scripts and automation.
// Exit status: 0 success, 1 refused by the inventory, 2 usage error.
import { Command, CommanderError, Option } from 'commander';
import { isInventoryError } from '../../shared/errors';
import { clockFromEnv } from '../core/clock';
import { Inventory } from '../core/inventory';
import { resolveDatabasePath } from '../core/paths';
import { registerInventoryCommands } from './commands';
import { registerTransferCommands } from './commands-transfer';
import { registerOpsCommands } from './commands-ops';
import { Output } from './output';

export const EXIT_OK = 0;
export const EXIT_REFUSED = 1;
export const EXIT_USAGE = 2;

export interface GlobalOptions {
  db?: string;
  actor?: string;
  json?: boolean;
}

/** Opens the inventory lazily: --help and usage errors never touch the database. */
export type InventoryProvider = () => Inventory;

export async function main(argv: string[], io: { stdout?: NodeJS.WritableStream; stderr?: NodeJS.WritableStream } = {}): Promise<number> {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  const program = new Command('number-inventory')
    .description('Number Inventory: the telecom number life cycle from the command line.')
    .addOption(new Option('--db <file>', "database file (default: the desktop app's own, or $NUMBER_INVENTORY_DB)"))
    .addOption(new Option('--actor <name>', 'operator name recorded in the audit history'))
    .addOption(new Option('--json', 'print one JSON document on stdout'))
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => stdout.write(s), writeErr: (s) => stderr.write(s) });

  let inventory: Inventory | undefined;
  const globals = () => program.opts<GlobalOptions>();
  const open: InventoryProvider = () => {
    if (inventory) return inventory;
    const file = resolveDatabasePath(globals().db);
    const clock = clockFromEnvOrUsage();
    try {
      inventory = Inventory.open(file, { clock, actor: globals().actor });
    } catch (error) {
      if (isInventoryError(error)) throw error;
      // Not a database, no permission, a folder: the command was pointed at the wrong file.
      throw new UsageError(`cannot open the database ${file}: ${(error as Error).message}`);
    }
    return inventory;
  };
  const output = new Output(stdout, stderr, () => Boolean(globals().json));
  registerInventoryCommands(program, open, output);
  registerTransferCommands(program, open, output, { stdout, stderr });
  registerOpsCommands(program, open, output);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (isInventoryError(error)) {
      output.error(error.code, error.message);
      return EXIT_REFUSED;
    }
    if (error instanceof UsageError) {
      stderr.write(`error: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  } finally {
    inventory?.close();
  }
}

/** A mistake in how the command was called, found after commander's own parsing. */
export class UsageError extends Error {}

/** A malformed NUMBER_INVENTORY_NOW is a mistake in how the command was called: exit 2, no stack trace. */
function clockFromEnvOrUsage() {
  try {
    return clockFromEnv();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
