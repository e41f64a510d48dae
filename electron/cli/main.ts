// The number-inventory command line: the same core as the desktop app, for scripts and automation.
// Exit status: 0 success, 1 refused by the inventory, 2 usage error, 3 unexpected error.
import { Command, CommanderError, Option } from 'commander';
import { clockFromEnv, fixedClockFromEnv } from '../core/clock';
import { errorInfoOf, typedRefusal } from '../core/failures';
import { Inventory } from '../core/inventory';
import type { InventoryPort } from '../core/inventory-port';
import { resolveStore } from '../core/paths';
import type { StoreLocation } from '../core/store/location';
import { TeamInventory } from '../core/store/postgres/team-inventory';
import { registerDbCommands } from './commands-db';
import { registerInventoryCommands } from './commands';
import { BulkRefused } from './commands-bulk';
import { registerTransferCommands } from './commands-transfer';
import { registerOpsCommands } from './commands-ops';
import { registerActivityCommands } from './commands-activity';
import { registerBillingCommands } from './commands-billing';
import { Output } from './output';

export const EXIT_OK = 0;
export const EXIT_REFUSED = 1;
export const EXIT_USAGE = 2;
/** A fault of the program (not a refusal): the details are printed on stderr. */
export const EXIT_INTERNAL = 3;

export interface GlobalOptions {
  db?: string;
  actor?: string;
  json?: boolean;
}

/** Opens the inventory lazily: --help and usage errors never touch the database. */
export type InventoryProvider = () => InventoryPort;

export async function main(argv: string[], io: { stdout?: NodeJS.WritableStream; stderr?: NodeJS.WritableStream } = {}): Promise<number> {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  const program = new Command('number-inventory')
    .description('Number Inventory: the telecom number life cycle from the command line.')
    .addOption(
      new Option(
        '--db <file|url>',
        "database file, or a team database's postgres:// URL (default: the desktop app's own, or $NUMBER_INVENTORY_DB)",
      ),
    )
    .addOption(new Option('--actor <name>', 'operator name recorded in the audit history'))
    .addOption(new Option('--json', 'print one JSON document on stdout'))
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => stdout.write(s), writeErr: (s) => stderr.write(s) });

  let inventory: InventoryPort | undefined;
  const globals = () => program.opts<GlobalOptions>();
  const store = (): StoreLocation => asUsage(() => resolveStore(globals().db));
  const open: InventoryProvider = () => {
    if (inventory) return inventory;
    const location = store();
    if (location.kind === 'team') {
      // The server's clock, unless NUMBER_INVENTORY_NOW fixes it.
      const clock = asUsage(() => fixedClockFromEnv());
      inventory = new TeamInventory(location.url, { clock, actor: globals().actor, applicationName: 'Number Inventory CLI' });
      return inventory;
    }
    const file = location.path;
    const clock = asUsage(() => clockFromEnv());
    try {
      inventory = Inventory.open(file, { clock, actor: globals().actor });
    } catch (error) {
      // Busy, damaged, read-only, too new: refused in plain words.
      if (typedRefusal(error)) throw error;
      // No permission, a folder, a missing parent: the command was pointed at the wrong file.
      throw new UsageError(`cannot open the database ${file}: ${(error as Error).message}`);
    }
    return inventory;
  };
  const output = new Output(stdout, stderr, () => Boolean(globals().json));
  registerInventoryCommands(program, open, output);
  registerTransferCommands(program, open, output, { stdout, stderr });
  registerOpsCommands(program, open, output);
  registerActivityCommands(program, open, output, { stdout, stderr });
  registerDbCommands(program, store, output, stderr);
  registerBillingCommands(program, open, output, stderr);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (error instanceof BulkRefused) {
      // The refusals are in the printed result (and its JSON document); this says what they mean.
      if (!globals().json) stderr.write(`error: ${error.message}\n`);
      return EXIT_REFUSED;
    }
    if (error instanceof UsageError) {
      stderr.write(`error: ${error.message}\n`);
      return EXIT_USAGE;
    }
    // A refusal as it is; a fault by its reference, with the details (for whoever runs the command) on stderr.
    const info = errorInfoOf(error, (reference, fault) =>
      stderr.write(`internal error (ref ${reference}): ${fault instanceof Error && fault.stack ? fault.stack : String(fault)}\n`),
    );
    output.error(info.code, info.message);
    return info.code === 'INTERNAL' ? EXIT_INTERNAL : EXIT_REFUSED;
  } finally {
    await inventory?.close();
  }
}

/** A mistake in how the command was called, found after commander's own parsing. */
export class UsageError extends Error {}

/** An empty --db or a malformed NUMBER_INVENTORY_NOW is a mistake in how the command was called: exit 2, no stack trace. */
function asUsage<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
