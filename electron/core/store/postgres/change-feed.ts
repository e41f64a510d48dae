// Live changes from a team database: what other desktops, the CLI or a scheduled sweep changed,
// as the change events the windows already refresh on. One connection of its own LISTENs for the
// wake-up (migration 003's NOTIFY) and reads the `changes` table from its cursor, so a lost
// notification or a dropped connection loses nothing: after a reconnect it reads every change it
// missed. Also read every few seconds, in case a wake-up never comes.
//
// The cursor: the highest change id read, plus the rows of transactions that were still running
// at the last read (txid at or above that read's snapshot xmin), which may have taken lower ids
// and committed later. Rows already read are remembered until no running transaction is older.
import pg from 'pg';
import type { ChangeEvent } from '../../../../shared/contract';
import type { NumberState } from '../../../../shared/domain';
import { logFailure } from '../../failures';

const CHANGES_CHANNEL = 'number_inventory_changes';

const POLL_MS = 5000;
const RECONNECT_MS = 1000;
const MAX_RECONNECT_MS = 5000;

interface ChangeRow {
  xmin: string;
  id: number | null;
  txid: string | null;
  client: string | null;
  scope: ChangeEvent['scope'] | null;
  numbers: string[] | null;
  states: NumberState[] | null;
}

export interface ChangeFeedOptions {
  /** This process's own tag (number_inventory.client): its own changes are announced by itself. */
  ownClient: string;
  onChange: (event: ChangeEvent) => void;
  /** Whether the server can be reached, each time that changes. */
  onReachable?: (reachable: boolean) => void;
  pollMs?: number;
  reconnectMs?: number;
}

export class ChangeFeed {
  private client: pg.Client | null = null;
  private cursor: number | null = null;
  private xmin = '0';
  private readonly seen = new Map<number, bigint>();
  private reading: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private reachable: boolean | null = null;
  private retry: NodeJS.Timeout | null = null;
  private retryMs: number;
  private readonly poll: NodeJS.Timeout;

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly options: ChangeFeedOptions,
  ) {
    this.retryMs = options.reconnectMs ?? RECONNECT_MS;
    this.poll = setInterval(() => this.wake(), options.pollMs ?? POLL_MS);
    // Never keep the process alive just to watch.
    this.poll.unref();
    void this.connect();
  }

  private setReachable(reachable: boolean): void {
    if (this.reachable === reachable) return;
    this.reachable = reachable;
    this.options.onReachable?.(reachable);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client(this.config);
    // A server that goes away ends the connection: count it lost and connect again.
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    client.on('notification', () => this.wake());
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGES_CHANNEL}`);
      if (this.stopped) return void client.end().catch(() => undefined);
      this.client = client;
      this.retryMs = this.options.reconnectMs ?? RECONNECT_MS;
      if (this.cursor === null) {
        // The first connection starts from now: what was changed before the window opened, it reads anyway.
        const { rows } = await client.query<{ id: number; xmin: string }>(
          'SELECT coalesce(max(id), 0)::int AS id, pg_snapshot_xmin(pg_current_snapshot())::text AS xmin FROM changes',
        );
        this.cursor = rows[0].id;
        this.xmin = rows[0].xmin;
      }
      this.setReachable(true);
      // After a reconnect: every change made while this desktop was away.
      this.wake();
    } catch {
      this.lost(client);
    }
  }

  private lost(client: pg.Client): void {
    if (this.client === client) this.client = null;
    client.removeAllListeners('end');
    client.end().catch(() => undefined);
    if (this.stopped || this.retry) return;
    this.setReachable(false);
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect();
    }, this.retryMs);
    this.retry.unref();
    this.retryMs = Math.min(this.retryMs * 2, this.options.reconnectMs ? this.options.reconnectMs * 4 : MAX_RECONNECT_MS);
  }

  /** Reads what changed since the cursor; one read at a time, another after it when woken meanwhile. */
  private wake(): void {
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = this.read()
      .catch((error: unknown) => {
        if (this.client) logFailure(error);
      })
      .finally(() => {
        this.reading = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  private async read(): Promise<void> {
    const client = this.client;
    if (!client || this.cursor === null) return;
    const { rows } = await client.query<ChangeRow>(
      `SELECT s.xmin::text AS xmin, c.id::int AS id, c.txid::text AS txid, c.client, c.scope, c.numbers, c.states
       FROM (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin) s
       LEFT JOIN changes c ON c.id > $1 OR c.txid >= $2::xid8
       ORDER BY c.id`,
      [this.cursor, this.xmin],
    );
    for (const row of rows) {
      if (row.id === null || row.scope === null || this.seen.has(row.id)) continue;
      this.seen.set(row.id, BigInt(row.txid ?? '0'));
      this.cursor = Math.max(this.cursor, row.id);
      if (row.client === this.options.ownClient) continue;
      this.options.onChange({
        scope: row.scope,
        ...(row.numbers ? { numbers: row.numbers } : {}),
        ...(row.states ? { states: row.states } : {}),
      });
    }
    this.xmin = rows[0].xmin;
    const oldest = BigInt(this.xmin);
    for (const [id, txid] of this.seen) if (txid < oldest) this.seen.delete(id);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.poll);
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    if (client) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
    }
  }
}
