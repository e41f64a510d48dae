// Settings: validated, stored in the database, effective without restart (another connection sees
// them at once), new deadlines only; the IPC channels; and the CLI's `settings show|set` and
// `outbox list` with their exit codes.
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/handlers';
import { Inventory } from '../../electron/core/inventory';
import { DEFAULT_APP_SETTINGS, SETTING_KEYS } from '../../shared/settings';
import { buildCliOnce, runCli } from '../helpers/cli';
import { addSgNumbers, freshInventory, T0, type TestInventory } from '../helpers/inventory';
import { plusDays } from '../helpers/expiry';

let t: TestInventory;
beforeEach(() => {
  t = freshInventory();
});
afterEach(() => t.close());

const settingsRows = () => t.inventory.db.prepare('SELECT key, value FROM settings ORDER BY key').all();

describe('settings in the core', () => {
  it('has the seed defaults: 28/56/28/1 days, 28-day lock, 7-day lead, no support or SMTP yet', async () => {
    const view = await t.inventory.settingsView();
    expect(view).toMatchObject({
      reservationDays: 28,
      subscriptionExpiredDays: 56,
      subscriptionTerminatedDays: 28,
      swappedOutDays: 1,
      lockPeriodDays: 28,
      warningLeadDays: 7,
      partnerSupportEmail: '',
      operatorSupportEmail: '',
      smtpHost: '',
      smtpPasswordSet: false,
    });
    expect(view).not.toHaveProperty('smtpPassword');
  });

  it.each([
    [{ reservationDays: 0 }, /Reservation days: must be a whole number from 1 to 3650 days/],
    [{ smtpPort: 'x' }, /SMTP port: must be a whole number from 1 to 65535/],
    [{ warningLeadDays: -1 }, /Warning lead days/],
    [{ lockPeriodDays: 1.5 }, /Lock period days/],
    [{ smtpPort: 70000 }, /SMTP port/],
    [{ smtpSecurity: 'ssl' }, /SMTP security/],
    [{ partnerSupportEmail: 'support at partner' }, /Partner support email: must be an email address/],
    [{ colour: 'blue' }, /colour/],
    [{ reservationDays: 30, operatorSupportEmail: 'nope' }, /Operator support email/],
  ])('refuses %j, naming the key, and writes nothing', async (patch, message) => {
    await expect(t.inventory.updateSettings(patch)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(message),
    });
    expect(settingsRows()).toEqual([]);
  });

  it('reads each stored setting on its own: one bad stored value falls back to its default alone', async () => {
    // Values an older version, a hand edit or another tool may have left in the table.
    const store = t.inventory.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
    store.run('lockPeriodDays', '10');
    store.run('operatorName', JSON.stringify('Jane Ops'));
    store.run('reservationDays', '0');
    store.run('swappedOutDays', 'not json');
    const view = await t.inventory.settingsView();
    expect(view).toMatchObject({ lockPeriodDays: 10, operatorName: 'Jane Ops', reservationDays: 28, swappedOutDays: 1 });
    // What Settings shows is what new deadlines and audit events get.
    const unnamed = Inventory.open(t.file, { clock: t.clock });
    try {
      const [n] = await addSgNumbers(unnamed, 1);
      const locked = await unnamed.act('lock', { number: n, remark: 'x' });
      expect(locked.expiresAt).toBe(plusDays(T0, 10));
      expect(locked.history.map((e) => e.actor)).toEqual(['Jane Ops', 'Jane Ops']);
    } finally {
      unnamed.close();
    }
  });

  it('is effective without restart, for another connection too, and applies to new deadlines only', async () => {
    const [a, b] = await addSgNumbers(t.inventory, 2);
    await t.inventory.act('reserve', { number: a, orgUuid: '11111111-1111-4111-8111-111111111111', remark: 'x' });
    const other = Inventory.open(t.file, { clock: t.clock, actor: 'other' });
    try {
      await other.updateSettings({ reservationDays: 10, smtpPassword: 's3cret' });
      expect((await t.inventory.settingsView()).smtpPasswordSet).toBe(true);
      expect((await t.inventory.allSettings()).smtpPassword).toBe('s3cret');
      const reserved = await t.inventory.act('reserve', { number: b, orgUuid: '11111111-1111-4111-8111-111111111111', remark: 'x' });
      expect(reserved.expiresAt).toBe(plusDays(T0, 10));
      expect((await t.inventory.show(a)).expiresAt).toBe(plusDays(T0, 28));
    } finally {
      other.close();
    }
  });

  it('settings:get never sends the SMTP password; settings:set answers a change event', async () => {
    const changes: unknown[] = [];
    const set = await dispatch(t.inventory, 'settings:set', { changes: { smtpPassword: 'pw', smtpHost: 'mail.test' } }, (e) =>
      changes.push(e),
    );
    expect(set).toMatchObject({ ok: true, value: { smtpHost: 'mail.test', smtpPasswordSet: true } });
    expect(JSON.stringify(set)).not.toContain('"pw"');
    expect(changes).toEqual([{ scope: 'settings' }]);
    const got = await dispatch(t.inventory, 'settings:get', {});
    expect(JSON.stringify(got)).not.toContain('"pw"');
    const bad = await dispatch(t.inventory, 'settings:set', { changes: { warningLeadDays: 'seven' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('notifications:list and outbox:list answer over the contract', async () => {
    const [n] = await addSgNumbers(t.inventory, 1);
    const locked = await t.inventory.act('lock', { number: n, remark: 'x' });
    const lockEventId = locked.history[locked.history.length - 1].id;
    t.clock.set(plusDays(T0, 21));
    await t.inventory.sweepReport();
    const list = await dispatch(t.inventory, 'notifications:list', {});
    expect(list).toMatchObject({
      ok: true,
      value: {
        total: 1,
        page: 0,
        pageSize: 50,
        rows: [
          { number: n, kind: 'lock-warning', holdEventId: lockEventId, key: `${n}|lock-warning|${plusDays(T0, 28)}|hold ${lockEventId}` },
        ],
      },
    });
    const outbox = await dispatch(t.inventory, 'outbox:list', { statuses: ['no-recipient'] });
    // dispatch answers an untyped Outcome; the page shape is what outbox:list returns.
    expect(outbox.ok && (outbox.value as { rows: unknown[] }).rows.length).toBe(2);
    expect(await dispatch(t.inventory, 'outbox:retry', { id: -1 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('CLI: settings and outbox', () => {
  beforeAll(() => buildCliOnce());

  it('settings show lists every key; set stores a valid value; bad values and keys are refused with exit 1 / 2', async () => {
    const db = path.join(t.dir, 'cli.db');
    const shown = await runCli(['--json', 'settings', 'show'], { db });
    expect(shown.code).toBe(0);
    expect(Object.keys(shown.json<Record<string, unknown>>()).sort()).toEqual(
      [...SETTING_KEYS.filter((k) => k !== 'smtpPassword'), 'smtpPasswordSet'].sort(),
    );
    const text = await runCli(['settings', 'show'], { db });
    for (const key of SETTING_KEYS) expect(text.stdout).toMatch(new RegExp(`^${key}\\s`, 'm'));

    const set = await runCli(['settings', 'set', 'warningLeadDays', '10'], { db });
    expect(set).toMatchObject({ code: 0, stdout: 'warningLeadDays set\n' });

    const notNumber = await runCli(['settings', 'set', 'lockPeriodDays', 'soon'], { db });
    expect(notNumber.code).toBe(1);
    expect(notNumber.stderr).toContain('lockPeriodDays must be a whole number, got "soon"');
    const badEmail = await runCli(['--json', 'settings', 'set', 'operatorSupportEmail', 'b3 support'], { db });
    expect(badEmail.code).toBe(1);
    expect(badEmail.json<{ error: { code: string; message: string } }>().error).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('Operator support email'),
    });
    const unknown = await runCli(['settings', 'set', 'lockDays', '3'], { db });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown setting "lockDays"');
    const stored = Inventory.open(db);
    try {
      expect(await stored.settingsView()).toMatchObject({
        warningLeadDays: 10,
        lockPeriodDays: DEFAULT_APP_SETTINGS.lockPeriodDays,
        operatorSupportEmail: '',
      });
    } finally {
      stored.close();
    }
  }, 120_000);

  it('sweep lists released numbers and queued notices; outbox list shows the emails', async () => {
    const db = path.join(t.dir, 'cli.db');
    const setup = Inventory.open(db, { clock: t.clock });
    let lockEventId: number;
    try {
      await addSgNumbers(setup, 1);
      const locked = await setup.act('lock', { number: '+6561230000', remark: 'x' });
      lockEventId = locked.history[locked.history.length - 1].id;
      await setup.updateSettings({ operatorSupportEmail: 'support@b3.test' });
    } finally {
      setup.close();
    }
    const swept = await runCli(['--json', 'sweep'], { db, now: plusDays(T0, 60) });
    expect(swept.code).toBe(0);
    expect(swept.json()).toEqual({
      released: [{ number: '+6561230000', from: 'locked', expiredAt: plusDays(T0, 28) }],
      notified: [
        {
          key: `+6561230000|lock-expired|${plusDays(T0, 28)}|hold ${lockEventId}`,
          holdEventId: lockEventId,
          number: '+6561230000',
          kind: 'lock-expired',
          deadline: plusDays(T0, 28),
          emails: [
            { role: 'partner-support', recipient: null, status: 'no-recipient' },
            { role: 'operator-support', recipient: 'support@b3.test', status: 'queued' },
          ],
        },
      ],
    });
    const list = await runCli(['--json', 'outbox', 'list'], { db });
    // Newest first.
    const page = list.json<{ total: number; page: number; pageSize: number; rows: { recipient: string | null; status: string }[] }>();
    expect(page).toMatchObject({ total: 2, page: 0, pageSize: 50 });
    expect(page.rows.map((e) => [e.recipient, e.status])).toEqual([
      ['support@b3.test', 'queued'],
      [null, 'no-recipient'],
    ]);
    const lines = await runCli(['outbox', 'list', '--status', 'queued'], { db });
    expect(lines.stdout).toMatch(/queued\s+support@b3\.test\s+Lock on \+6561230000 expired/);
    expect(lines.stdout).toContain('showing 1 of 1 queued emails (page 1 of 1)\n');
    expect((await runCli(['outbox', 'list', '--status', 'lost'], { db })).code).toBe(2);
  }, 120_000);
});
