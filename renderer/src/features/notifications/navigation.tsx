// Following a click on a desktop notification (a change event of scope 'navigate' from the main
// process) or on an entry of the in-app notification list: switch to the screen it names and hand
// the request to that screen. A request for a screen not mounted yet waits until it mounts. The
// state lives in <NavigationProvider> (one per window), not in the module.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { api } from '../../api/client';
import type { NavigationRequest } from '../../../../shared/notifications';

type View = NavigationRequest['view'];
type Listener = (request: NavigationRequest) => void;
const SCREEN_OF_VIEW: Record<View, string> = {
  numbers: 'inventory',
  notifications: 'notifications',
  outbox: 'outbox',
  import: 'inventory',
};

interface Navigation {
  navigateTo: (request: NavigationRequest) => void;
  /** Registers a screen's listener; hands it the request made before it mounted, if any. Returns the unsubscribe. */
  listen: (view: View, listener: Listener) => () => void;
}

const NavigationContext = createContext<Navigation | null>(null);

export function NavigationProvider({ children }: { children: ReactNode }) {
  // Refs, not state: requests and listeners change nothing on screen by themselves.
  const pending = useRef(new Map<View, NavigationRequest>());
  const listeners = useRef(new Map<View, Set<Listener>>());

  const navigateTo = useCallback((request: NavigationRequest) => {
    pending.current.set(request.view, request);
    const screen = SCREEN_OF_VIEW[request.view];
    if (window.location.hash !== `#${screen}`) window.location.hash = screen;
    for (const listener of listeners.current.get(request.view) ?? []) listener(request);
  }, []);

  const listen = useCallback((view: View, listener: Listener) => {
    const take: Listener = (request) => {
      pending.current.delete(view);
      listener(request);
    };
    const waiting = pending.current.get(view);
    if (waiting) take(waiting);
    const set = listeners.current.get(view) ?? new Set<Listener>();
    set.add(take);
    listeners.current.set(view, set);
    return () => {
      set.delete(take);
    };
  }, []);

  useEffect(
    () =>
      api.onChange((event) => {
        if (event.scope === 'navigate' && event.navigate) navigateTo(event.navigate);
      }),
    [navigateTo],
  );

  const value = useMemo(() => ({ navigateTo, listen }), [navigateTo, listen]);
  return <NavigationContext.Provider value={value}>{children}</NavigationContext.Provider>;
}

export function useNavigation(): Navigation {
  const navigation = useContext(NavigationContext);
  if (!navigation) throw new Error('useNavigation must be used inside <NavigationProvider>');
  return navigation;
}

/** Calls `apply` with each navigation request for `view`, including one made before the screen mounted. */
export function useNavigationRequests<V extends View>(view: V, apply: (request: Extract<NavigationRequest, { view: V }>) => void): void {
  const { listen } = useNavigation();
  useEffect(
    () =>
      listen(view, (request) => {
        // Requests are filed under their own view, so this one is of `view`.
        if (request.view === view) apply(request as Extract<NavigationRequest, { view: V }>);
      }),
    [listen, view, apply],
  );
}
