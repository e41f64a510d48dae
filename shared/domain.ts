// Domain vocabulary shared by the core, the IPC contract and the renderer.
// Pure TypeScript: no Node, no DOM, no Electron.

export const NUMBER_STATES = ['available', 'reserved', 'locked', 'assigned', 'deleted'] as const;
export type NumberState = (typeof NUMBER_STATES)[number];

/** Each state as the screens and messages name it. */
export const STATE_LABELS: Record<NumberState, string> = {
  available: 'Available',
  reserved: 'Reserved',
  locked: 'Locked',
  assigned: 'Assigned',
  deleted: 'Deleted',
};

export const CAPABILITIES = ['voice', 'fax', 'sms'] as const;
export type Capability = (typeof CAPABILITIES)[number];

export const RESERVATION_KINDS = ['free', 'charged'] as const;
export type ReservationKind = (typeof RESERVATION_KINDS)[number];

/** Why a reservation exists: an operator's manual reserve, or the subscription event that made it. */
export const RESERVATION_ORIGINS = ['manual', 'subscription-expired', 'subscription-terminated', 'swapped-out'] as const;
export type ReservationOrigin = (typeof RESERVATION_ORIGINS)[number];

export const DELETE_REASONS = ['ported-out', 'returned-to-vendor', 'faulty'] as const;
export type DeleteReason = (typeof DELETE_REASONS)[number];

export const DELETE_REASON_LABELS: Record<DeleteReason, string> = {
  'ported-out': 'Ported out',
  'returned-to-vendor': 'Returned to vendor',
  faulty: 'Faulty number',
};

export const ORG_TYPES = ['customer', 'partner'] as const;
export type OrgType = (typeof ORG_TYPES)[number];

interface Reservation {
  kind: ReservationKind;
  origin: ReservationOrigin;
  /** The reserver: the org the number is held for. */
  orgUuid: string;
  /** Set once the reservation is charged (extended through a DID Reservation subscription). */
  didReservationUuid: string | null;
  /** Absolute UTC instant, ISO 8601. */
  expiresAt: string;
}

export interface NumberRecord {
  /** E.164, e.g. +6561234567. */
  number: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  vendor: string;
  sku: string;
  capabilities: Capability[];
  routing: string | null;
  golden: boolean;
  portedIn: boolean;
  visibleTo: string[];
  state: NumberState;
  ownerUuid: string | null;
  subscriptionUuid: string | null;
  reservation: Reservation | null;
  /** Lock expiry; null on a locked number means a permanent (legacy) lock. */
  lockExpiresAt: string | null;
  /** The reservation's or the lock's expiry, whichever applies; null when none. */
  expiresAt: string | null;
  deletedReason: DeleteReason | null;
  createdAt: string;
  updatedAt: string;
  /** Increases with every change; actions may pass it to refuse acting on a stale view. */
  version: number;
}

export interface HistoryEvent {
  id: number;
  number: string;
  action: string;
  from: NumberState | null;
  to: NumberState;
  at: string;
  actor: string;
  remark: string | null;
  details: Record<string, unknown>;
}

export interface NumberDetail extends NumberRecord {
  history: HistoryEvent[];
}

export interface Organization {
  uuid: string;
  name: string;
  type: OrgType;
  billingEmail: string | null;
  ownerEmail: string | null;
  createdAt: string;
  updatedAt: string;
}

type AddResultStatus = 'added' | 'invalid' | 'exists' | 'repeated';

export interface AddResult {
  input: string;
  status: AddResultStatus;
  /** E.164 form when the input could be read. */
  number: string | null;
  /** Why the input was invalid. */
  reason?: string;
  /** The state of the number already in the inventory. */
  state?: NumberState;
}

export interface ExpiredRelease {
  number: string;
  from: NumberState;
  expiredAt: string;
}
