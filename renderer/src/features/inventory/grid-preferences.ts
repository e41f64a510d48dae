// What the inventory grid remembers across restarts, per operator and desktop (the renderer's local
// storage: the desktop app keeps it in its user-data folder): the tab, the page size, and each
// tab's sort, column widths and hidden columns. A stored value this version cannot read is ignored.
import { useCallback, useState } from 'react';
import { z } from 'zod';
import { NUMBER_STATES, type NumberState } from '../../../../shared/domain';
import { MAX_PAGE_SIZE } from '../../../../shared/search';

const STORAGE_KEY = 'number-inventory.grid';
export const PAGE_SIZES = [25, 50, MAX_PAGE_SIZE];

const sortItem = z.object({ field: z.string(), sort: z.enum(['asc', 'desc']) });
const perTab = <T extends z.ZodType>(value: T) => z.partialRecord(z.enum(NUMBER_STATES), value);

const preferencesSchema = z.object({
  tab: z.enum(NUMBER_STATES).catch('available'),
  pageSize: z
    .number()
    .refine((size) => PAGE_SIZES.includes(size))
    .catch(50),
  sort: perTab(z.array(sortItem).max(1)).catch({}),
  widths: perTab(z.record(z.string(), z.number().positive())).catch({}),
  /** Columns shown (true) or hidden (false) where the operator chose otherwise than the default. */
  visibility: perTab(z.record(z.string(), z.boolean())).catch({}),
});

export type GridPreferences = z.infer<typeof preferencesSchema>;
export type TabSort = z.infer<typeof sortItem>[];

const DEFAULT_SORT: TabSort = [{ field: 'number', sort: 'asc' }];

function load(): GridPreferences {
  let stored: unknown = {};
  try {
    stored = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? '{}');
  } catch {
    // Unreadable: start from the defaults.
  }
  return preferencesSchema.catch(preferencesSchema.parse({})).parse(stored);
}

/** The preferences, and a function to change them (stored at once). */
export function useGridPreferences(): [GridPreferences, (change: (current: GridPreferences) => GridPreferences) => void] {
  const [preferences, setPreferences] = useState(load);
  const update = useCallback((change: (current: GridPreferences) => GridPreferences) => {
    setPreferences((current) => {
      const next = change(current);
      try {
        window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
      } catch {
        // Storage full or refused: remembered for this session only.
      }
      return next;
    });
  }, []);
  return [preferences, update];
}

export const sortOf = (preferences: GridPreferences, tab: NumberState): TabSort => preferences.sort[tab] ?? DEFAULT_SORT;
