// What the inventory shows on a tab under the search's conditions. The tabs are the states, so a
// state condition (the states ticked in the advanced search) says which tabs the search is open to:
// - an open tab shows its numbers matching the other conditions, and counts them;
// - a tab not ticked holds nothing the search asks for: it counts 0 and cannot be chosen;
// - the tab on screen is the chosen one while it is open, else the first open tab in tab order.
// The grid, the tab counts, the advanced search panel's count, the chips and the export all take
// their filter from here, so they always name the same numbers.
import { NUMBER_STATES, type NumberState } from './domain';
import type { SearchFilter } from './search';

export interface TabView {
  /** The tab on screen. */
  tab: NumberState;
  /** The tabs the conditions are open to, in tab order. */
  openTabs: NumberState[];
  /** The conditions in force: the states kept (in tab order) only when they leave a tab out. */
  conditions: SearchFilter;
  /** The filter of the tab on screen: its grid's rows, its count and its export. */
  filter: SearchFilter;
  /** What to ask the per-state count (numbers:counts) for the tab counts: every condition but the states. */
  countFilter: SearchFilter;
}

/** The ticked states in tab order; every tab when none (or no known state) is ticked. */
function openTabsOf(ticked: readonly NumberState[] | undefined): NumberState[] {
  const open = NUMBER_STATES.filter((state) => ticked?.includes(state));
  return open.length > 0 ? open : [...NUMBER_STATES];
}

export function tabView(chosen: NumberState, conditions: SearchFilter): TabView {
  const { states: ticked, ...others } = conditions;
  const openTabs = openTabsOf(ticked);
  const tab = openTabs.includes(chosen) ? chosen : openTabs[0];
  return {
    tab,
    openTabs,
    conditions: openTabs.length < NUMBER_STATES.length ? { ...others, states: openTabs } : others,
    filter: { ...others, states: [tab] },
    countFilter: others,
  };
}

/** The count each tab shows, from the per-state counts of `view.countFilter`: 0 on a tab not open. */
export function tabCounts(view: TabView, perState: Readonly<Record<NumberState, number>>): Record<NumberState, number> {
  const counts = { ...perState };
  for (const state of NUMBER_STATES) if (!view.openTabs.includes(state)) counts[state] = 0;
  return counts;
}
