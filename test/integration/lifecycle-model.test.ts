// Model-based test of the life cycle: fast-check generates random sequences of every operator action
// (valid and invalid inputs, on every kind of number), clock advances, duration changes, sweeps and
// adds. After each step the real inventory must match a small, independent in-memory model; every
// refusal must carry the code the model predicts and change nothing; and every number's audit
// history must replay (from/to chain) to its current state.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../electron/core/clock';
import { Inventory } from '../../electron/core/inventory';
import type { ActionInput } from '../../shared/actions';
import type { NumberState } from '../../shared/domain';
import { isInventoryError, type ErrorCode } from '../../shared/errors';
import type { OperatorAction } from '../../shared/lifecycle';
import { dumpDatabase } from '../helpers/dump';
import { DID_1, ORG_A, ORG_B, SUB_1, SUB_2, T0 } from '../helpers/inventory';

const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60 * 1000;

/** The transition table of issue 2 §3, independent of shared/lifecycle.ts. */
const ALLOWED_FROM: Record<OperatorAction, NumberState[]> = {
  reserve: ['available'],
  extend: ['reserved'],
  release: ['reserved'],
  lock: ['available'],
  unlock: ['locked'],
  delete: ['available', 'locked'],
  recover: ['deleted'],
  assign: ['available', 'reserved'],
  'subscription-expired': ['assigned'],
  'subscription-terminated': ['assigned'],
  'swapped-out': ['assigned'],
};
const ACTION_TO: Record<OperatorAction, NumberState> = {
  reserve: 'reserved',
  extend: 'reserved',
  release: 'available',
  lock: 'locked',
  unlock: 'available',
  delete: 'deleted',
  recover: 'available',
  assign: 'assigned',
  'subscription-expired': 'reserved',
  'subscription-terminated': 'reserved',
  'swapped-out': 'reserved',
};
const ACTIONS = Object.keys(ALLOWED_FROM) as OperatorAction[];
const REMARK_REQUIRED: OperatorAction[] = ['reserve', 'release', 'lock', 'unlock', 'delete', 'recover'];

type DurationKey = 'reservationDays' | 'lockPeriodDays' | 'subscriptionExpiredDays' | 'subscriptionTerminatedDays' | 'swappedOutDays';
const SUBSCRIPTION_PERIOD: Record<string, DurationKey> = {
  'subscription-expired': 'subscriptionExpiredDays',
  'subscription-terminated': 'subscriptionTerminatedDays',
  'swapped-out': 'swappedOutDays',
};

// The pool: four numbers added through the inventory, one permanent legacy lock, one never added
// (until an Add command adds it).
const POOL = ['+6561230000', '+6561230001', '+6561230002', '+6561230003'];
const LEGACY = '+6561230004';
const LATE = '+6561230005';
const TARGETS = [...POOL, LEGACY, LATE];

interface ModelNumber {
  state: NumberState;
  /** ms since epoch; null when no deadline (including a permanent lock). */
  expiresAt: number | null;
  reserver: string | null;
  kind: 'free' | 'charged' | null;
  owner: string | null;
  subscription: string | null;
  version: number;
  actions: string[];
}

interface Model {
  now: number;
  numbers: Map<string, ModelNumber>;
  days: Record<DurationKey, number>;
  /** Per number, each subscription it was assigned to and when it last was (ms): billing events look for them. */
  assignedAt: Map<string, Map<string, number>>;
  /** Billing events applied, as "event key @ number". */
  billingApplied: Set<string>;
  /** The last billing event sent, so a command can send it again (billing resends). */
  lastBilling: { subscription: string; event: 'expired' | 'terminated'; at: number } | null;
}

interface Real {
  inventory: Inventory;
  clock: ManualClock;
}

const free = (state: NumberState, prev: ModelNumber, action: string): ModelNumber => ({
  state,
  expiresAt: null,
  reserver: null,
  kind: null,
  owner: null,
  subscription: null,
  version: prev.version + 1,
  actions: [...prev.actions, action],
});

type PaidUntil = { kind: 'date'; days: number } | { kind: 'instant'; minutes: number } | { kind: 'junk' };
type EffectiveAt = { kind: 'default' } | { kind: 'ago'; minutes: number } | { kind: 'junk' };

interface Params {
  target: number;
  spaced: boolean;
  remark: 'ok' | 'blank' | 'missing';
  org: string;
  owner: string;
  subscription: string;
  did: string;
  reason: string;
  paidUntil: PaidUntil;
  at: EffectiveAt;
  version: 'none' | 'current' | 'stale';
}

type Prediction = { ok: true; next: ModelNumber } | { ok: false; code: ErrorCode };

const iso = (ms: number) => new Date(ms).toISOString();

/** What the life-cycle rules say must happen, computed from the model alone. */
function predict(m: Model, action: OperatorAction, number: string, p: Params): Prediction {
  const refuse = (code: ErrorCode): Prediction => ({ ok: false, code });
  // 1. Input validation, before the number is looked at.
  if (REMARK_REQUIRED.includes(action) && p.remark !== 'ok') return refuse('INVALID_INPUT');
  if (action === 'reserve' && p.org === 'bad') return refuse('INVALID_INPUT');
  if (action === 'extend' && (p.did === 'bad' || p.paidUntil.kind === 'junk')) return refuse('INVALID_INPUT');
  if (action === 'delete' && p.reason === 'lost') return refuse('INVALID_INPUT');
  if (action === 'assign' && (p.subscription === 'bad' || p.owner === 'bad')) return refuse('INVALID_INPUT');
  if (action in SUBSCRIPTION_PERIOD && p.at.kind === 'junk') return refuse('INVALID_INPUT');
  // 2. The number, its version, its state.
  const cur = m.numbers.get(number);
  if (!cur) return refuse('NOT_FOUND');
  if (p.version === 'stale') return refuse('STALE_VERSION');
  if (!ALLOWED_FROM[action].includes(cur.state)) return refuse('ILLEGAL_TRANSITION');
  // 3. What the action does.
  const next = (fields: Partial<ModelNumber>): Prediction => ({ ok: true, next: { ...free(ACTION_TO[action], cur, action), ...fields } });
  switch (action) {
    case 'reserve':
      return next({ expiresAt: m.now + m.days.reservationDays * DAY, reserver: p.org, kind: 'free' });
    case 'extend': {
      const until = paidUntilMs(paidUntilBase(m, cur), p.paidUntil);
      if (until <= m.now || (cur.expiresAt !== null && until <= cur.expiresAt)) return refuse('INVALID_INPUT');
      return next({ expiresAt: until, reserver: cur.reserver, kind: 'charged' });
    }
    case 'release':
    case 'unlock':
    case 'recover':
    case 'delete':
      return next({});
    case 'lock':
      return next({ expiresAt: m.now + m.days.lockPeriodDays * DAY });
    case 'assign':
      if (cur.state === 'reserved' && cur.reserver !== p.owner) return refuse('ORG_MISMATCH');
      return next({ owner: p.owner, subscription: p.subscription });
    default: {
      const effective = p.at.kind === 'ago' ? m.now - p.at.minutes * MINUTE : m.now;
      if (effective > m.now) return refuse('INVALID_INPUT');
      return next({ expiresAt: effective + m.days[SUBSCRIPTION_PERIOD[action]] * DAY, reserver: cur.owner, kind: 'free' });
    }
  }
}

/** Paid-until dates are drawn around the current deadline, so both longer and too-short extensions occur. */
function paidUntilBase(m: Model, cur: ModelNumber | undefined): number {
  return cur?.expiresAt ?? m.now;
}

function paidUntilMs(now: number, paid: PaidUntil): number {
  if (paid.kind === 'date') {
    const day = iso(now + paid.days * DAY).slice(0, 10);
    return Date.parse(`${day}T00:00:00Z`) + DAY;
  }
  if (paid.kind === 'instant') return now + paid.minutes * MINUTE;
  return NaN;
}

function paidUntilText(now: number, paid: PaidUntil): string {
  if (paid.kind === 'date') return iso(now + paid.days * DAY).slice(0, 10);
  if (paid.kind === 'instant') return iso(now + paid.minutes * MINUTE);
  return 'end of the month';
}

function buildInput(m: Model, action: OperatorAction, number: string, p: Params): ActionInput<OperatorAction> {
  const cur = m.numbers.get(number);
  const input: Record<string, unknown> = { number: p.spaced ? `${number.slice(0, 3)} ${number.slice(3, 7)} ${number.slice(7)}` : number };
  if (p.version !== 'none') input.expectedVersion = (cur?.version ?? 1) - (p.version === 'stale' ? 1 : 0);
  if (p.remark !== 'missing') input.remark = p.remark === 'ok' ? `remark for ${action}` : '   ';
  switch (action) {
    case 'reserve':
      input.orgUuid = p.org;
      break;
    case 'extend':
      input.didReservationUuid = p.did;
      input.paidUntil = paidUntilText(paidUntilBase(m, cur), p.paidUntil);
      break;
    case 'delete':
      input.reason = p.reason;
      break;
    case 'assign':
      input.subscriptionUuid = p.subscription;
      input.ownerUuid = p.owner;
      break;
    case 'subscription-expired':
    case 'subscription-terminated':
    case 'swapped-out':
      if (p.at.kind === 'ago') input.at = iso(m.now - p.at.minutes * MINUTE);
      if (p.at.kind === 'junk') input.at = 'last tuesday';
      break;
  }
  return input as ActionInput<OperatorAction>;
}

/** The real inventory matches the model, and every history replays to the current state. */
async function compare(m: Model, r: Real): Promise<void> {
  for (const number of TARGETS) {
    const expected = m.numbers.get(number);
    if (!expected) {
      await expect(r.inventory.show(number)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      continue;
    }
    const d = await r.inventory.show(number);
    expect({
      number,
      state: d.state,
      expiresAt: d.expiresAt,
      reserver: d.reservation?.orgUuid ?? null,
      kind: d.reservation?.kind ?? null,
      owner: d.ownerUuid,
      subscription: d.subscriptionUuid,
      version: d.version,
      actions: d.history.map((e) => e.action),
    }).toEqual({ number, ...expected, expiresAt: expected.expiresAt === null ? null : iso(expected.expiresAt) });
    let replayed: NumberState | null = null;
    for (const event of d.history) {
      expect(event.from, `${number}: event ${event.action} starts where the previous one ended`).toBe(replayed);
      replayed = event.to;
    }
    expect(replayed).toBe(d.state);
  }
}

class ActCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly action: OperatorAction,
    readonly p: Params,
    /** Aim at a number whose state allows the action, so sequences reach deep into the life cycle. */
    readonly inLegalState: boolean,
  ) {}
  /** The number acted on: the drawn one, or for in-legal-state commands the next one (cyclically) whose state allows the action. */
  private target(m: Readonly<Model>): string | undefined {
    if (!this.inLegalState) return TARGETS[this.p.target];
    for (let i = 0; i < TARGETS.length; i++) {
      const number = TARGETS[(this.p.target + i) % TARGETS.length];
      const state = m.numbers.get(number)?.state;
      if (state !== undefined && ALLOWED_FROM[this.action].includes(state)) return number;
    }
    return undefined;
  }
  check(m: Readonly<Model>): boolean {
    return this.target(m) !== undefined;
  }
  async run(m: Model, r: Real): Promise<void> {
    const number = this.target(m) as string;
    const input = buildInput(m, this.action, number, this.p);
    const prediction = predict(m, this.action, number, this.p);
    const before = dumpDatabase(r.inventory.db);
    let outcome: { ok: true } | { ok: false; code: ErrorCode };
    try {
      await r.inventory.act(this.action, input);
      outcome = { ok: true };
    } catch (error) {
      if (!isInventoryError(error)) throw error;
      outcome = { ok: false, code: error.code };
    }
    expect(outcome).toEqual(prediction.ok ? { ok: true } : { ok: false, code: prediction.code });
    if (prediction.ok) m.numbers.set(number, prediction.next);
    else expect(dumpDatabase(r.inventory.db)).toBe(before);
    if (prediction.ok && this.action === 'assign') {
      const seen = m.assignedAt.get(number) ?? new Map<string, number>();
      seen.set(this.p.subscription, m.now);
      m.assignedAt.set(number, seen);
    }
    await compare(m, r);
  }
  toString(): string {
    return `${this.action}(${this.inLegalState ? 'a number where legal, from ' : ''}${TARGETS[this.p.target]}, ${JSON.stringify(this.p)})`;
  }
}

class AdvanceCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly ms: number) {}
  check(): boolean {
    return true;
  }
  async run(m: Model, r: Real): Promise<void> {
    m.now += this.ms;
    r.clock.advance(this.ms);
    await compare(m, r);
  }
  toString(): string {
    return `advance(${(this.ms / DAY).toFixed(3)}d)`;
  }
}

/** Moves the clock to just before, exactly at, or just after the next deadline, where off-by-one bugs live. */
class AdvanceToDeadlineCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly offsetMs: -1 | 0 | 1) {}
  check(m: Readonly<Model>): boolean {
    return [...m.numbers.values()].some((n) => n.expiresAt !== null && n.expiresAt + this.offsetMs > m.now);
  }
  async run(m: Model, r: Real): Promise<void> {
    const next = Math.min(
      ...[...m.numbers.values()].map((n) =>
        n.expiresAt !== null && n.expiresAt + this.offsetMs > m.now ? n.expiresAt + this.offsetMs : Infinity,
      ),
    );
    m.now = next;
    r.clock.set(new Date(next));
    await compare(m, r);
  }
  toString(): string {
    return `advance to next deadline ${this.offsetMs >= 0 ? '+' : ''}${this.offsetMs}ms`;
  }
}

class SweepCommand implements fc.AsyncCommand<Model, Real> {
  check(): boolean {
    return true;
  }
  async run(m: Model, r: Real): Promise<void> {
    const due = [...m.numbers.entries()]
      .filter(([, n]) => (n.state === 'reserved' || n.state === 'locked') && n.expiresAt !== null && n.expiresAt <= m.now)
      .map(([number, n]) => ({ number, from: n.state, expiredAt: iso(n.expiresAt as number) }));
    const released = await r.inventory.sweep();
    const byNumber = (a: { number: string }, b: { number: string }) => a.number.localeCompare(b.number);
    expect([...released].sort(byNumber)).toEqual([...due].sort(byNumber));
    for (const { number } of due) {
      const prev = m.numbers.get(number) as ModelNumber;
      m.numbers.set(number, free('available', prev, 'expire'));
    }
    await compare(m, r);
  }
  toString(): string {
    return 'sweep';
  }
}

class SetDurationCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly key: DurationKey,
    readonly days: number,
  ) {}
  check(): boolean {
    return true;
  }
  async run(m: Model, r: Real): Promise<void> {
    await r.inventory.updateSettings({ [this.key]: this.days });
    m.days[this.key] = this.days;
    // Deadlines already set do not move.
    await compare(m, r);
  }
  toString(): string {
    return `set ${this.key}=${this.days}`;
  }
}

class AddCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly targets: number[]) {}
  check(): boolean {
    return true;
  }
  async run(m: Model, r: Real): Promise<void> {
    const numbers = this.targets.map((i) => TARGETS[i]);
    const results = await r.inventory.add({ numbers: numbers.join(', '), vendor: 'Singtel', country: 'SG', sku: 'SG-DID' });
    const seen = new Set<string>();
    const expected = numbers.map((number) => {
      if (seen.has(number)) return { number, status: 'repeated' };
      seen.add(number);
      const cur = m.numbers.get(number);
      if (cur) return { number, status: 'exists', state: cur.state };
      m.numbers.set(number, {
        state: 'available',
        expiresAt: null,
        reserver: null,
        kind: null,
        owner: null,
        subscription: null,
        version: 1,
        actions: ['add'],
      });
      return { number, status: 'added' };
    });
    expect(results.map(({ number, status, state }) => (state ? { number, status, state } : { number, status }))).toEqual(expected);
    await compare(m, r);
  }
  toString(): string {
    return `add(${this.targets.map((i) => TARGETS[i]).join(',')})`;
  }
}

type BillingOutcomeName = 'changed' | 'already-applied' | 'stale' | 'refused';

/**
 * A subscription event from billing (issue 10), for every number of the subscription: a new one,
 * or the last one sent again. The model says per number: changed (as the single-number event
 * would), already applied (sent before), stale (the number has left the subscription, or the
 * event predates its assignment), refused (effective in the future); unmatched when the
 * subscription never had a number.
 */
class BillingEventCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly subscription: string,
    readonly event: 'expired' | 'terminated',
    readonly at: EffectiveAt,
    readonly resend: boolean,
  ) {}
  check(): boolean {
    return true;
  }
  async run(m: Model, r: Real): Promise<void> {
    const sent =
      this.resend && m.lastBilling
        ? m.lastBilling
        : { subscription: this.subscription, event: this.event, at: this.at.kind === 'ago' ? m.now - this.at.minutes * MINUTE : m.now };
    m.lastBilling = sent;
    const key = `${sent.subscription}|${sent.event}|${sent.at}`;
    const action = sent.event === 'expired' ? 'subscription-expired' : 'subscription-terminated';
    const expected: [string, BillingOutcomeName][] = [];
    const changes: [string, ModelNumber][] = [];
    for (const number of [...m.numbers.keys()].sort()) {
      const cur = m.numbers.get(number) as ModelNumber;
      const since = m.assignedAt.get(number)?.get(sent.subscription);
      const current = cur.state === 'assigned' && cur.subscription === sent.subscription;
      if (!current && since === undefined) continue;
      if (m.billingApplied.has(`${key}@${number}`)) expected.push([number, 'already-applied']);
      else if (!current || (since !== undefined && sent.at < since)) expected.push([number, 'stale']);
      else if (sent.at > m.now) expected.push([number, 'refused']);
      else {
        expected.push([number, 'changed']);
        const period = m.days[SUBSCRIPTION_PERIOD[action]];
        changes.push([number, { ...free('reserved', cur, action), expiresAt: sent.at + period * DAY, reserver: cur.owner, kind: 'free' }]);
      }
    }
    const report = await r.inventory.recordBillingEvent({
      event: { kind: 'subscription', subscriptionUuid: sent.subscription, event: sent.event, at: iso(sent.at) },
      dryRun: false,
    });
    expect({ unmatched: report.unmatched !== null, results: report.results.map((x) => [x.number, x.outcome]) }).toEqual({
      unmatched: expected.length === 0,
      results: expected,
    });
    for (const [number, next] of changes) {
      m.numbers.set(number, next);
      m.billingApplied.add(`${key}@${number}`);
    }
    await compare(m, r);
  }
  toString(): string {
    return this.resend ? 'billing: the last event again' : `billing: ${this.subscription} ${this.event} ${JSON.stringify(this.at)}`;
  }
}

const weighted = <T>(common: T, ...rare: T[]) =>
  fc.oneof({ weight: 12, arbitrary: fc.constant(common) }, ...rare.map((value) => ({ weight: 1, arbitrary: fc.constant(value) })));

const paramsArb: fc.Arbitrary<Params> = fc.record({
  target: fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: POOL.length - 1 }) }, { weight: 1, arbitrary: fc.constantFrom(4, 5) }),
  spaced: fc.boolean(),
  remark: weighted('ok' as const, 'blank' as const, 'missing' as const),
  org: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(ORG_A, ORG_B) }, { weight: 1, arbitrary: fc.constant('bad') }),
  owner: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(ORG_A, ORG_B) }, { weight: 1, arbitrary: fc.constant('bad') }),
  subscription: weighted(SUB_1, SUB_2, 'bad'),
  did: weighted(DID_1, 'bad'),
  reason: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('ported-out', 'returned-to-vendor', 'faulty') },
    { weight: 1, arbitrary: fc.constant('lost') },
  ),
  paidUntil: fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('date' as const), days: fc.integer({ min: -3, max: 90 }) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('instant' as const), minutes: fc.integer({ min: -600, max: 100_000 }) }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'junk' as const }) },
  ),
  at: fc.oneof(
    { weight: 3, arbitrary: fc.constant({ kind: 'default' as const }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('ago' as const), minutes: fc.integer({ min: -120, max: 60 * 24 * 90 }) }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'junk' as const }) },
  ),
  version: weighted('none' as const, 'current' as const, 'stale' as const),
});

const commandArbs = [
  ...ACTIONS.map((action) => fc.tuple(paramsArb, fc.boolean()).map(([p, inLegalState]) => new ActCommand(action, p, inLegalState))),
  // Clock moves: minutes to two months, so deadlines of every length are crossed.
  fc.integer({ min: MINUTE, max: 60 * DAY }).map((ms) => new AdvanceCommand(ms)),
  fc.constantFrom(-1 as const, 0 as const, 1 as const).map((offset) => new AdvanceToDeadlineCommand(offset)),
  fc.constant(new SweepCommand()),
  fc.constant(new SweepCommand()),
  fc
    .tuple(
      fc.constantFrom<DurationKey>(
        'reservationDays',
        'lockPeriodDays',
        'subscriptionExpiredDays',
        'subscriptionTerminatedDays',
        'swappedOutDays',
      ),
      fc.integer({ min: 1, max: 90 }),
    )
    .map(([key, days]) => new SetDurationCommand(key, days)),
  fc.array(fc.integer({ min: 0, max: TARGETS.length - 1 }), { minLength: 1, maxLength: 3 }).map((targets) => new AddCommand(targets)),
  fc
    .tuple(
      fc.constantFrom(SUB_1, SUB_2),
      fc.constantFrom('expired' as const, 'terminated' as const),
      fc.oneof(
        { weight: 2, arbitrary: fc.constant({ kind: 'default' as const }) },
        { weight: 3, arbitrary: fc.record({ kind: fc.constant('ago' as const), minutes: fc.integer({ min: -120, max: 60 * 24 * 30 }) }) },
      ),
      fc.boolean(),
    )
    .map(([subscription, event, at, resend]) => new BillingEventCommand(subscription, event, at, resend)),
];

async function setup(): Promise<{ model: Model; real: Real }> {
  const clock = new ManualClock(T0);
  const inventory = Inventory.open(':memory:', { clock, actor: 'model' });
  await inventory.add({ numbers: POOL.join(','), vendor: 'Singtel', country: 'SG', sku: 'SG-DID' });
  // A lock from before lock periods existed: imported with no deadline.
  const { lastInsertRowid } = inventory.db
    .prepare(
      `INSERT INTO numbers (number, country, vendor, sku, state, created_at, updated_at) VALUES (?, 'SG', 'Legacy', 'SG-DID', 'locked', ?, ?)`,
    )
    .run(LEGACY, T0, T0);
  inventory.db
    .prepare(`INSERT INTO events (number_id, at, actor, action, from_state, to_state) VALUES (?, ?, 'migration', 'import', NULL, 'locked')`)
    .run(lastInsertRowid, T0);
  const numbers = new Map<string, ModelNumber>();
  for (const number of POOL) {
    numbers.set(number, {
      state: 'available',
      expiresAt: null,
      reserver: null,
      kind: null,
      owner: null,
      subscription: null,
      version: 1,
      actions: ['add'],
    });
  }
  numbers.set(LEGACY, {
    state: 'locked',
    expiresAt: null,
    reserver: null,
    kind: null,
    owner: null,
    subscription: null,
    version: 1,
    actions: ['import'],
  });
  const model: Model = {
    now: Date.parse(T0),
    numbers,
    days: { reservationDays: 28, lockPeriodDays: 28, subscriptionExpiredDays: 56, subscriptionTerminatedDays: 28, swappedOutDays: 1 },
    assignedAt: new Map(),
    billingApplied: new Set(),
    lastBilling: null,
  };
  return { model, real: { inventory, clock } };
}

describe('life cycle, model-based', () => {
  it('matches the model over random sequences of actions, billing events, clock moves, setting changes and sweeps', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commandArbs, { maxCommands: 40, size: 'max' }), async (commands) => {
        const { model, real } = await setup();
        try {
          await fc.asyncModelRun(() => ({ model, real }), commands);
        } finally {
          real.inventory.close();
        }
      }),
      { numRuns: 100 },
    );
  }, 300_000);
});
