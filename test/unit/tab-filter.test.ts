// The effective filter of a tab under the search's conditions (shared/tab-filter.ts): which tab is
// on screen, which tabs are open, the filter of the grid, its count and its export, and the counts
// each tab shows.
import { describe, expect, it } from 'vitest';
import { NUMBER_STATES, type NumberState } from '../../shared/domain';
import { tabCounts, tabView } from '../../shared/tab-filter';

const PER_STATE = { available: 40, reserved: 30, locked: 20, assigned: 10, deleted: 5 };

/** Every set of ticked states: the 32 subsets of the five states. */
const SUBSETS: NumberState[][] = Array.from({ length: 32 }, (_, bits) => NUMBER_STATES.filter((_state, i) => bits & (1 << i)));

describe('tabView', () => {
  it('on the Available tab with only Deleted ticked, shows the Deleted tab and filters to deleted numbers', () => {
    expect(tabView('available', { states: ['deleted'] })).toEqual({
      tab: 'deleted',
      openTabs: ['deleted'],
      conditions: { states: ['deleted'] },
      filter: { states: ['deleted'] },
      countFilter: {},
    });
  });

  it('moves to the first ticked tab in tab order, whatever order the states were ticked in, keeping every other condition', () => {
    expect(tabView('deleted', { states: ['locked', 'reserved'], vendors: ['Colt'], query: '+44' })).toEqual({
      tab: 'reserved',
      openTabs: ['reserved', 'locked'],
      conditions: { vendors: ['Colt'], query: '+44', states: ['reserved', 'locked'] },
      filter: { vendors: ['Colt'], query: '+44', states: ['reserved'] },
      countFilter: { vendors: ['Colt'], query: '+44' },
    });
  });

  it('stays on the chosen tab while it is ticked', () => {
    expect(tabView('locked', { states: ['reserved', 'locked'] }).tab).toBe('locked');
  });

  it('with no state ticked every tab is open and the chosen one is shown', () => {
    expect(tabView('assigned', { golden: true })).toEqual({
      tab: 'assigned',
      openTabs: ['available', 'reserved', 'locked', 'assigned', 'deleted'],
      conditions: { golden: true },
      filter: { golden: true, states: ['assigned'] },
      countFilter: { golden: true },
    });
    expect(tabView('deleted', { states: [] }).conditions).toEqual({});
  });

  it('every state ticked narrows nothing: no state condition remains (and no chip)', () => {
    expect(tabView('reserved', { states: ['deleted', 'assigned', 'locked', 'reserved', 'available'], countries: ['SG'] })).toMatchObject({
      tab: 'reserved',
      conditions: { countries: ['SG'] },
      filter: { countries: ['SG'], states: ['reserved'] },
    });
  });

  it('a state ticked twice is one open tab', () => {
    expect(tabView('available', { states: ['deleted', 'deleted'] }).openTabs).toEqual(['deleted']);
  });

  describe('for every tab and every set of ticked states', () => {
    for (const chosen of NUMBER_STATES) {
      for (const ticked of SUBSETS) {
        it(`${chosen} tab, ticked [${ticked.join(', ')}]`, () => {
          const view = tabView(chosen, { states: ticked, skus: ['SKU-1'] });
          const open = ticked.length ? ticked : NUMBER_STATES;
          expect(view.openTabs).toEqual(open);
          expect(view.tab).toBe(open.includes(chosen) ? chosen : open[0]);
          // The grid, its count and its export are the tab's state, never the other ticked states.
          expect(view.filter).toEqual({ skus: ['SKU-1'], states: [view.tab] });
          expect(view.countFilter).toEqual({ skus: ['SKU-1'] });
          const counts = tabCounts(view, PER_STATE);
          for (const state of NUMBER_STATES) expect(counts[state]).toBe(open.includes(state) ? PER_STATE[state] : 0);
        });
      }
    }
  });
});

describe('tabCounts', () => {
  it('keeps the counts of the ticked tabs and shows 0 on the others', () => {
    expect(tabCounts(tabView('available', { states: ['deleted', 'reserved'] }), PER_STATE)).toEqual({
      available: 0,
      reserved: 30,
      locked: 0,
      assigned: 0,
      deleted: 5,
    });
  });

  it('with no state ticked shows every count as counted', () => {
    expect(tabCounts(tabView('available', {}), PER_STATE)).toEqual(PER_STATE);
  });
});
