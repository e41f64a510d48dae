// Administering the inventory's database: `db migrate` (for an administrator: bring a team
// database to this version's schema), `db grant ROLE` (give an operator's login exactly what the
// app needs) and `db copy` (move a local inventory file into an empty team database).
import type { Command } from 'commander';
import { InventoryError } from '../../shared/errors';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../core/db/connection';
import { Inventory } from '../core/inventory';
import { isTeamDatabaseUrl, type StoreLocation } from '../core/store/location';
import { copyToTeamDatabase } from '../core/store/postgres/copy';
import { grantStatements } from '../core/store/postgres/grant';
import { migrateTeamDatabase, schemaStatus } from '../core/store/postgres/migrate';
import { refusingAs } from '../core/store/postgres/refusals';
import { connectTeamDatabase } from '../core/store/postgres/team-database';
import { UsageError } from './main';
import type { Output } from './output';

const ROLE_NAME = /^[A-Za-z_][A-Za-z0-9_$-]{0,62}$/;

export function registerDbCommands(program: Command, store: () => StoreLocation, out: Output, stderr: NodeJS.WritableStream): void {
  const db = program.command('db').description('the inventory database: schema upgrades, operator roles on a team database');

  db.command('migrate')
    .description('bring the database to this version of the schema (on a team database: run as its owner)')
    .action(async () => {
      const location = store();
      if (location.kind === 'file') {
        // A file is upgraded whenever it is opened.
        Inventory.open(location.path).close();
        out.print({ database: location.path, applied: [] }, () => [`${location.path} is up to date`]);
        return;
      }
      const team = await connectTeamDatabase(location.url, { migrate: false, applicationName: 'Number Inventory db migrate' });
      try {
        const applied = await refusingAs(team.server, () => migrateTeamDatabase(team.pool, team.server));
        const { version } = await refusingAs(team.server, () => schemaStatus(team.pool, team.server));
        out.print({ database: team.server, applied, version }, () => [
          applied.length
            ? `${team.server}: applied migrations ${applied.join(', ')}; schema version ${version}`
            : `${team.server} is up to date (schema version ${version})`,
        ]);
      } finally {
        await team.close();
      }
    });

  db.command('grant')
    .description(
      "give an operator's login role what the app needs on a team database: read and change the inventory, never drop or alter tables",
    )
    .argument('<role>', 'the login role (it must exist: CREATE ROLE name LOGIN PASSWORD ...)')
    .action(async (role: string) => {
      const location = store();
      if (location.kind === 'file') throw new UsageError('db grant is for a team database: give --db postgres://owner@host/database');
      if (!ROLE_NAME.test(role))
        throw new UsageError(`"${role}" is not a role name (letters, digits, _ and $, starting with a letter or _)`);
      const team = await connectTeamDatabase(location.url, { migrate: false, applicationName: 'Number Inventory db grant' });
      try {
        const status = await refusingAs(team.server, () => schemaStatus(team.pool, team.server));
        if (status.version < status.latest) {
          throw new InventoryError(
            'DATABASE_READ_ONLY',
            `${team.server} is at schema version ${status.version} of ${status.latest}: run "number-inventory db migrate" first.`,
          );
        }
        await team.transaction(async (client) => {
          const [{ exists }] = (
            await client.query<{ exists: boolean }>('SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AS exists', [role])
          ).rows;
          if (!exists)
            throw new InventoryError(
              'NOT_FOUND',
              `The role ${role} does not exist on ${team.server}: create it first (CREATE ROLE ${role} LOGIN PASSWORD '...').`,
            );
          const [{ database }] = (await client.query<{ database: string }>('SELECT current_database() AS database')).rows;
          for (const statement of grantStatements(client.escapeIdentifier(role), client.escapeIdentifier(database)))
            await client.query(statement);
        });
        out.print({ database: team.server, role }, () => [`${role} may now work the inventory on ${team.server}`]);
      } finally {
        await team.close();
      }
    });

  db.command('copy')
    .description('copy a local inventory file into an empty team database (progress on stderr; refuses a target that is not empty)')
    .requiredOption('--from <file>', 'the inventory file (SQLite) to copy')
    .requiredOption('--to <url>', 'the team database, postgres://user@host:port/database (migrated first if the login may)')
    .action(async (options: { from: string; to: string }) => {
      if (!isTeamDatabaseUrl(options.to)) throw new UsageError(`--to must be a team database URL (postgres://...), not "${options.to}"`);
      const file = path.resolve(options.from);
      if (!fs.existsSync(file))
        throw new InventoryError('NOT_FOUND', `${file} does not exist: give the inventory file to copy with --from`);
      const source = openDatabase(file, { readonly: true });
      try {
        const team = await connectTeamDatabase(options.to, { applicationName: 'Number Inventory db copy' });
        try {
          let last = '';
          const report = await copyToTeamDatabase(source, team, ({ table, copied, total }) => {
            const line = `copying ${table.replace(/_/g, ' ')}: ${copied} of ${total}`;
            if (line !== last) stderr.write(`${line}\n`);
            last = line;
          });
          out.print({ from: file, to: team.server, copied: report.tables }, () => [
            `copied ${file} into ${team.server}: ${Object.entries(report.tables)
              .map(([table, n]) => `${n} ${table.replace(/_/g, ' ')}`)
              .join(', ')}`,
          ]);
        } finally {
          await team.close();
        }
      } finally {
        source.close();
      }
    });
}
