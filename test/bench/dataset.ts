// A realistic synthetic inventory for the benchmark: several countries, vendors and SKUs, every
// state (with the fields each state carries), some golden and ported-in numbers, visible-to domains,
// and a given number of reservations already due for the sweep. Deterministic for a given N.
import { TRANSFER_COLUMNS } from '../../electron/core/export/columns';

export const BENCH_NOW = '2026-06-01T00:00:00.000Z';

interface CountryPlan {
  country: string;
  /** E.164 prefix; the rest is `digits` digits. */
  prefix: string;
  digits: number;
  first: number;
  vendors: string[];
  skus: string[];
}

const COUNTRIES: CountryPlan[] = [
  { country: 'SG', prefix: '+6561', digits: 6, first: 0, vendors: ['Singtel', 'StarHub'], skus: ['SG-DID', 'SG-DID-PREMIUM'] },
  {
    country: 'US',
    prefix: '+1212',
    digits: 7,
    first: 2_000_000,
    vendors: ['Bandwidth', 'Lumen', 'Twilio'],
    skus: ['US-LOCAL', 'US-TOLLFREE'],
  },
  { country: 'GB', prefix: '+44207', digits: 7, first: 0, vendors: ['BT', 'Colt'], skus: ['GB-GEO', 'GB-GEO-GOLD'] },
  { country: 'DE', prefix: '+4930', digits: 8, first: 10_000_000, vendors: ['Telekom', 'Colt'], skus: ['DE-GEO'] },
  { country: 'AU', prefix: '+612', digits: 8, first: 90_000_000, vendors: ['Telstra', 'Optus'], skus: ['AU-GEO', 'AU-GEO-GOLD'] },
  { country: 'JP', prefix: '+813', digits: 8, first: 10_000_000, vendors: ['NTT', 'KDDI'], skus: ['JP-GEO'] },
];
const ROUTINGS = ['sip-trunk-a', 'sip-trunk-b', 'teams-direct', ''];
const DOMAINS = ['acme.example', 'globex.example', 'initech.example', 'umbrella.example'];
const ORGS = Array.from({ length: 200 }, (_, i) => uuidFrom(1_000_003 * (i + 1)));

/** A small deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuidFrom(seed: number): string {
  const r = prng(seed);
  const hex = Array.from({ length: 32 }, () => Math.floor(r() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const iso = (ms: number) => new Date(ms).toISOString();
const DAY = 86_400_000;

/**
 * Rows in TRANSFER_COLUMNS order (the inventory file format). `due` reservations have an expiry
 * before BENCH_NOW; every other deadline is after it.
 */
export function* benchRows(n: number, due: number): Generator<string[]> {
  const random = prng(42);
  const now = Date.parse(BENCH_NOW);
  const perCountry = Math.ceil(n / COUNTRIES.length);
  let dueLeft = due;
  for (let i = 0; i < n; i++) {
    const plan = COUNTRIES[i % COUNTRIES.length];
    const k = Math.floor(i / COUNTRIES.length);
    const span = 10 ** plan.digits - plan.first;
    // A stride coprime with the span scatters the numbers across the range, still unique.
    const local = plan.first + ((k * 7_919 + 13) % Math.max(span, perCountry));
    const number = `${plan.prefix}${String(local).padStart(plan.digits, '0')}`;
    const created = now - Math.floor(random() * 700) * DAY - Math.floor(random() * DAY);
    const updated = created + Math.floor(random() * 30) * DAY;
    const roll = random();
    const caps = ['voice', ...(random() < 0.5 ? ['sms'] : []), ...(random() < 0.05 ? ['fax'] : [])];
    const visible = random() < 0.1 ? DOMAINS.filter(() => random() < 0.4).sort() : [];
    const org = ORGS[Math.floor(random() * ORGS.length)];
    const cells: Record<(typeof TRANSFER_COLUMNS)[number], string> = {
      number,
      state: 'available',
      country: plan.country,
      vendor: plan.vendors[Math.floor(random() * plan.vendors.length)],
      sku: plan.skus[Math.floor(random() * plan.skus.length)],
      capabilities: caps.join(','),
      routing: ROUTINGS[Math.floor(random() * ROUTINGS.length)],
      golden: random() < 0.02 ? 'yes' : 'no',
      ported_in: random() < 0.05 ? 'yes' : 'no',
      visible_to: visible.join(','),
      owner_uuid: '',
      subscription_uuid: '',
      reservation_kind: '',
      reservation_origin: '',
      reservation_org_uuid: '',
      did_reservation_uuid: '',
      expires_at: '',
      deleted_reason: '',
      created_at: iso(created),
      updated_at: iso(updated),
    };
    if (dueLeft > 0 && i % 3 === 1) {
      dueLeft--;
      Object.assign(cells, {
        state: 'reserved',
        reservation_kind: 'free',
        reservation_origin: 'manual',
        reservation_org_uuid: org,
        expires_at: iso(now - 1 - Math.floor(random() * 10 * DAY)),
      });
    } else if (roll < 0.55) {
      // available
    } else if (roll < 0.65) {
      const charged = random() < 0.3;
      Object.assign(cells, {
        state: 'reserved',
        reservation_kind: charged ? 'charged' : 'free',
        reservation_origin: charged
          ? 'manual'
          : ['manual', 'subscription-expired', 'subscription-terminated', 'swapped-out'][Math.floor(random() * 4)],
        reservation_org_uuid: org,
        did_reservation_uuid: charged ? uuidFrom(i * 31 + 7) : '',
        expires_at: iso(now + DAY + Math.floor(random() * 56 * DAY)),
      });
    } else if (roll < 0.7) {
      Object.assign(cells, { state: 'locked', expires_at: random() < 0.2 ? '' : iso(now + DAY + Math.floor(random() * 28 * DAY)) });
    } else if (roll < 0.95) {
      Object.assign(cells, { state: 'assigned', owner_uuid: org, subscription_uuid: uuidFrom(i * 17 + 3) });
    } else {
      Object.assign(cells, { state: 'deleted', deleted_reason: ['ported-out', 'returned-to-vendor', 'faulty'][Math.floor(random() * 3)] });
    }
    yield TRANSFER_COLUMNS.map((c) => cells[c]);
  }
}
