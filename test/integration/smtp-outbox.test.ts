// Email delivery through a real SMTP server on 127.0.0.1 (the smtp-server package): what arrived,
// delivery status per email, retries with backoff when the server fails first, waiting while
// offline or unconfigured, and the .eml export built by nodemailer, on both stores; on a team
// database, several desktops delivering at once send each email exactly once.
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIRST_RETRY_MS } from '../../electron/core/outbox/deliver';
import { smtpSender } from '../../electron/core/outbox/transport';
import type { TeamInventory } from '../../electron/core/store/postgres/team-inventory';
import { addSgNumbers, T0 } from '../helpers/inventory';
import { STORES, type StoreUnderTest } from '../helpers/stores';
import { CUSTOMER_ORG, plusDays } from '../helpers/expiry';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

interface TestServer {
  port: number;
  received: Received[];
  close(): Promise<void>;
}

/** A local SMTP server; `failFirst` answers that many messages with a temporary error first. */
async function startServer(failFirst = 0): Promise<TestServer> {
  const received: Received[] = [];
  let failures = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream: SMTPServerDataStream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (failures < failFirst) {
          failures++;
          const error = Object.assign(new Error('Mailbox busy, try later'), { responseCode: 451 });
          return callback(error);
        }
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe.each(STORES)('on the $name', (store) => {
  let t: StoreUnderTest;
  let servers: TestServer[] = [];
  beforeEach(async () => {
    t = await store.open();
    await t.inventory.saveOrganization({ uuid: CUSTOMER_ORG, name: 'Acme', type: 'customer', billingEmail: 'billing@acme.test' });
  });
  afterEach(async () => {
    await Promise.all(servers.map((s) => s.close()));
    servers = [];
    await t.close();
  });

  async function configure(port: number) {
    await t.inventory.updateSettings({
      smtpHost: '127.0.0.1',
      smtpPort: port,
      smtpSecurity: 'none',
      smtpFrom: 'inventory@operator.test',
      operatorName: 'B3 Ops',
      partnerSupportEmail: 'support@partner.test',
      operatorSupportEmail: 'support@b3.test',
    });
  }

  /** A reservation warning and a lock warning queued at T+21d: three emails. */
  async function queueWarnings() {
    const [a, b] = await addSgNumbers(t.inventory, 2);
    await t.inventory.act('reserve', { number: a, orgUuid: CUSTOMER_ORG, remark: 'x' });
    await t.inventory.act('lock', { number: b, remark: 'x' });
    t.clock.set(plusDays(T0, 21));
    await t.inventory.sweepReport();
    return [a, b];
  }

  const deliver = () => t.deliver(smtpSender);

  describe('SMTP delivery', () => {
    it('delivers every queued email and records it as sent', async () => {
      const server = await startServer();
      servers.push(server);
      await configure(server.port);
      const [a, b] = await queueWarnings();
      expect(await deliver()).toEqual({ sent: 3, failed: 0, configured: true });

      expect(server.received.map((m) => m.to).sort()).toEqual([['billing@acme.test'], ['support@b3.test'], ['support@partner.test']]);
      expect(server.received.every((m) => m.from === 'inventory@operator.test')).toBe(true);
      const toCustomer = server.received.find((m) => m.to[0] === 'billing@acme.test') as Received;
      expect(toCustomer.raw).toContain(`Subject: Reservation of ${a} expires on 2026-02-02 09:00 UTC`);
      expect(toCustomer.raw).toMatch(/From: "?B3 Ops"? <inventory@operator\.test>/);
      expect(toCustomer.raw).toContain(`Deadline: ${plusDays(T0, 28)}`);
      const toSupport = server.received.find((m) => m.to[0] === 'support@b3.test') as Received;
      expect(toSupport.raw).toContain(`Subject: Lock on ${b} expires on 2026-02-02 09:00 UTC`);

      const outbox = (await t.inventory.outbox()).rows;
      expect(outbox.map((e) => [e.status, e.attempts, e.sentAt, e.nextAttemptAt])).toEqual(
        Array(3).fill(['sent', 1, plusDays(T0, 21), null]),
      );
      expect(outbox.every((e) => e.messageId !== null)).toBe(true);
      // Nothing is sent twice.
      expect(await deliver()).toEqual({ sent: 0, failed: 0, configured: true });
      expect(server.received).toHaveLength(3);
    });

    it('a server that fails first: the email is marked failed with the error, retried after the backoff, then sent', async () => {
      const server = await startServer(2);
      servers.push(server);
      await configure(server.port);
      const [a] = await addSgNumbers(t.inventory, 1);
      await t.inventory.act('reserve', { number: a, orgUuid: CUSTOMER_ORG, remark: 'x' });
      t.clock.set(plusDays(T0, 21));
      await t.inventory.sweepReport();

      expect(await deliver()).toMatchObject({ sent: 0, failed: 1 });
      let [email] = (await t.inventory.outbox()).rows;
      expect(email).toMatchObject({ status: 'failed', attempts: 1, nextAttemptAt: plusDays(T0, 21, FIRST_RETRY_MS) });
      expect(email.lastError).toContain('Mailbox busy');
      // Not due yet: nothing is attempted before the backoff ends.
      t.clock.set(plusDays(T0, 21, FIRST_RETRY_MS - 1));
      expect(await deliver()).toMatchObject({ sent: 0, failed: 0 });
      t.clock.set(plusDays(T0, 21, FIRST_RETRY_MS));
      expect(await deliver()).toMatchObject({ sent: 0, failed: 1 });
      [email] = (await t.inventory.outbox()).rows;
      // The wait doubles: 1 minute, then 2.
      expect(email).toMatchObject({ status: 'failed', attempts: 2, nextAttemptAt: plusDays(T0, 21, 3 * FIRST_RETRY_MS) });
      t.clock.set(plusDays(T0, 21, 3 * FIRST_RETRY_MS));
      expect(await deliver()).toMatchObject({ sent: 1, failed: 0 });
      [email] = (await t.inventory.outbox()).rows;
      expect(email).toMatchObject({ status: 'sent', attempts: 3, lastError: null, nextAttemptAt: null });
      expect(server.received.map((m) => m.to)).toEqual([['billing@acme.test']]);
    });

    it('offline (nothing listening): attempts fail with the connection error and the emails wait for the next attempt', async () => {
      const server = await startServer();
      const port = server.port;
      await server.close();
      await configure(port);
      await queueWarnings();
      expect(await deliver()).toMatchObject({ sent: 0, failed: 3 });
      const outbox = (await t.inventory.outbox()).rows;
      expect(
        outbox.every((e) => e.status === 'failed' && e.nextAttemptAt !== null && /ECONNREFUSED|connect/i.test(e.lastError ?? '')),
      ).toBe(true);
    });

    it('without SMTP settings nothing is attempted: emails stay queued', async () => {
      await t.inventory.updateSettings({ partnerSupportEmail: 'support@partner.test', operatorSupportEmail: 'support@b3.test' });
      await queueWarnings();
      expect(await deliver()).toEqual({ sent: 0, failed: 0, configured: false });
      expect((await t.inventory.outbox()).rows.map((e) => e.status)).toEqual(['queued', 'queued', 'queued']);
    });

    it('retry: a "no recipient" email looks its address up again once configured, then is delivered', async () => {
      const server = await startServer();
      servers.push(server);
      const [n] = await addSgNumbers(t.inventory, 1);
      await t.inventory.act('lock', { number: n, remark: 'x' });
      t.clock.set(plusDays(T0, 21));
      await t.inventory.sweepReport();
      const emails = (await t.inventory.outbox()).rows;
      expect(emails.map((e) => e.status)).toEqual(['no-recipient', 'no-recipient']);
      await expect(t.inventory.retryEmail(emails[0].id)).rejects.toThrow(/still has no recipient/);
      await configure(server.port);
      for (const e of emails) await t.inventory.retryEmail(e.id);
      expect(await deliver()).toMatchObject({ sent: 2 });
      expect(server.received.map((m) => m.to[0]).sort()).toEqual(['support@b3.test', 'support@partner.test']);
      await expect(t.inventory.retryEmail(emails[0].id)).rejects.toThrow(/already sent/);
    });
  });

  describe('.eml export', () => {
    it('is a complete RFC 5322 message built by nodemailer', async () => {
      await configure(2525);
      const [a] = await queueWarnings();
      const email = (await t.inventory.outbox()).rows.find((e) => e.recipient === 'billing@acme.test');
      const { fileName, eml } = await t.inventory.emailAsEml(email?.id as number);
      expect(fileName).toBe(`outbox-${email?.id}-${a.slice(1)}.eml`);
      expect(eml).toMatch(/^Content-Type: text\/plain; charset=utf-8\r\n/m);
      expect(eml).toContain('To: billing@acme.test\r\n');
      expect(eml).toContain(`Subject: Reservation of ${a} expires on 2026-02-02 09:00 UTC\r\n`);
      expect(eml).toMatch(/^Date: .*2026 09:00:00 \+0000\r$/m);
      expect(eml).toContain(`Number:   ${a}`);
      await expect(t.inventory.emailAsEml(9999)).rejects.toThrow(/No email 9999/);
    });
  });
});

describe('delivery from several desktops at once on a team database', () => {
  let t: StoreUnderTest;
  beforeEach(async () => {
    t = await (STORES.find((s) => s.name.includes('PostgreSQL')) as (typeof STORES)[number]).open();
  });
  afterEach(() => t.close());

  it('sends each email exactly once, and every desktop sees it sent', async () => {
    const server = await startServer();
    try {
      await t.inventory.updateSettings({
        smtpHost: '127.0.0.1',
        smtpPort: server.port,
        smtpSecurity: 'none',
        smtpFrom: 'inventory@operator.test',
        operatorSupportEmail: 'support@b3.test',
        partnerSupportEmail: 'support@partner.test',
      });
      const numbers = await addSgNumbers(t.inventory, 12);
      for (const number of numbers) await t.inventory.act('lock', { number, remark: 'x' });
      t.clock.set(plusDays(T0, 21));
      await t.inventory.sweepReport();
      const desktops = [0, 1, 2].map(() => t.anotherClient() as TeamInventory);
      // Small rounds, so the three take turns: each round takes what no other desktop holds.
      const rounds = await Promise.all(
        desktops.map(async (desktop) => {
          let sent = 0;
          for (let round = 0; round < 12; round++) sent += (await desktop.deliverDue(smtpSender, 3)).sent;
          return sent;
        }),
      );
      expect(rounds.reduce((a, b) => a + b, 0)).toBe(24);
      expect(rounds.filter((sent) => sent > 0).length).toBeGreaterThan(1);
      expect(server.received).toHaveLength(24);
      expect(new Set(server.received.map((m) => /Subject: (.*)/.exec(m.raw)?.[1] + m.to[0])).size).toBe(24);
      for (const desktop of [t.inventory, ...desktops]) {
        const { rows, total } = await desktop.outbox({ pageSize: 100 });
        expect([total, rows.filter((e) => e.status === 'sent' && e.attempts === 1).length]).toEqual([24, 24]);
      }
    } finally {
      await server.close();
    }
  });
});
