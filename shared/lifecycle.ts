// The transition table: the single source of truth for which action is allowed in which state.
// The core enforces it; the renderer uses it to offer only the actions allowed in a state.
import type { NumberState } from './domain';

export const OPERATOR_ACTIONS = [
  'reserve',
  'extend',
  'release',
  'lock',
  'unlock',
  'delete',
  'recover',
  'assign',
  'subscription-expired',
  'subscription-terminated',
  'swapped-out',
] as const;
export type OperatorAction = (typeof OPERATOR_ACTIONS)[number];

export interface ActionRule {
  from: readonly NumberState[];
  to: NumberState;
  /** The action's name as the life-cycle document names it (dialog title, menu item). */
  label: string;
  /** The confirm button, named as the document's last step names it. */
  confirm: string;
}

export const ACTION_RULES: Record<OperatorAction, ActionRule> = {
  reserve: { from: ['available'], to: 'reserved', label: 'Reserve', confirm: 'Reserve' },
  extend: { from: ['reserved'], to: 'reserved', label: 'Extend Reservation', confirm: 'Extend' },
  release: { from: ['reserved'], to: 'available', label: 'Release', confirm: 'Release' },
  lock: { from: ['available'], to: 'locked', label: 'Lock', confirm: 'Lock' },
  unlock: { from: ['locked'], to: 'available', label: 'Unlock', confirm: 'Unlock' },
  delete: { from: ['available', 'locked'], to: 'deleted', label: 'Delete', confirm: 'Delete' },
  recover: { from: ['deleted'], to: 'available', label: 'Recover', confirm: 'Recover' },
  // From reserved only when the assignee is the reserver; the core checks that rule.
  assign: { from: ['available', 'reserved'], to: 'assigned', label: 'Assign', confirm: 'Assign' },
  'subscription-expired': { from: ['assigned'], to: 'reserved', label: 'Subscription expired', confirm: 'Reserve' },
  'subscription-terminated': { from: ['assigned'], to: 'reserved', label: 'Subscription terminated', confirm: 'Reserve' },
  'swapped-out': { from: ['assigned'], to: 'reserved', label: 'Swapped out', confirm: 'Reserve' },
};

/** States the expiry sweep releases from once their deadline has passed. */
export const EXPIRING_STATES: readonly NumberState[] = ['reserved', 'locked'];

export function allowedActions(state: NumberState): OperatorAction[] {
  return OPERATOR_ACTIONS.filter((action) => ACTION_RULES[action].from.includes(state));
}

/** What a state allows, in the words of the screens: "A reserved number can be: Extend Reservation, Release, Assign." ("An available …") */
export function whatStateAllows(state: NumberState): string {
  const labels = allowedActions(state).map((action) => ACTION_RULES[action].label);
  const article = /^[aeiou]/.test(state) ? 'An' : 'A';
  return labels.length ? `${article} ${state} number can be: ${labels.join(', ')}.` : `Nothing can be done to a ${state} number.`;
}

/** Subscription events put the number on reservation for its owner for a set period. */
export const SUBSCRIPTION_EVENTS = {
  'subscription-expired': { origin: 'subscription-expired', periodSetting: 'subscriptionExpiredDays' },
  'subscription-terminated': { origin: 'subscription-terminated', periodSetting: 'subscriptionTerminatedDays' },
  'swapped-out': { origin: 'swapped-out', periodSetting: 'swappedOutDays' },
} as const;
