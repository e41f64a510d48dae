// The app's clock in the renderer: the core's now (NUMBER_INVENTORY_NOW when fixed, the team
// database's clock in team mode), read every minute.
// Days left count from it, never from the page's own clock alone.
import { useQuery } from '@tanstack/react-query';
import { appClockQuery } from './queries';

/** The app's now as epoch milliseconds, or null until the core has told it. */
export function useAppNow(): number | null {
  const { data } = useQuery(appClockQuery);
  return data?.now ?? null;
}
