// Following a click on a desktop notification (a change event of scope 'navigate' from the main
// process) or on an entry of the in-app notification list: switch to the screen it names and hand
// the request to that screen. A request for a screen not mounted yet waits until it mounts.
import { useEffect } from 'react';
import { api } from '../../api/client';
import type { NavigationRequest } from '../../../../shared/notifications';

type View = NavigationRequest['view'];
const SCREEN_OF_VIEW: Record<View, string> = { numbers: 'inventory', notifications: 'notifications', outbox: 'outbox' };

const pending = new Map<View, NavigationRequest>();
const listeners = new Map<View, Set<(request: NavigationRequest) => void>>();
let listening = false;

export function navigateTo(request: NavigationRequest): void {
  pending.set(request.view, request);
  const screen = SCREEN_OF_VIEW[request.view];
  if (window.location.hash !== `#${screen}`) window.location.hash = screen;
  for (const listener of listeners.get(request.view) ?? []) listener(request);
}

/** Starts following navigation requests from the main process; once per window. */
export function followNavigationRequests(): void {
  if (listening) return;
  listening = true;
  api.onChange((event) => {
    if (event.scope === 'navigate' && event.navigate) navigateTo(event.navigate);
  });
}

/** Calls `apply` with each navigation request for `view`, including one made before the screen mounted. */
export function useNavigationRequests<V extends View>(view: V, apply: (request: Extract<NavigationRequest, { view: V }>) => void): void {
  useEffect(() => {
    const take = (request: NavigationRequest) => {
      pending.delete(view);
      apply(request as Extract<NavigationRequest, { view: V }>);
    };
    const waiting = pending.get(view);
    if (waiting) take(waiting);
    const set = listeners.get(view) ?? new Set();
    set.add(take);
    listeners.set(view, set);
    return () => {
      set.delete(take);
    };
  }, [view, apply]);
}
