// Remembers the main window's size, position and maximized state in a small JSON file in userData,
// and puts it back only where it is visible on a screen connected now.
import fs from 'node:fs';
import path from 'node:path';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

const DEFAULT_SIZE = { width: 1280, height: 800 };
export const MIN_SIZE = { width: 800, height: 560 };
/** How much of the title bar must be on a screen for saved bounds to be reused. */
const MIN_VISIBLE = 100;

const isRect = (value: unknown): value is Rect =>
  typeof value === 'object' &&
  value !== null &&
  ['x', 'y', 'width', 'height'].every((key) => Number.isFinite((value as Record<string, unknown>)[key]));

export function readWindowState(file: string): WindowState | null {
  try {
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    if (typeof data !== 'object' || data === null) return null;
    const { bounds, maximized } = data as Record<string, unknown>;
    if (!isRect(bounds)) return null;
    return { bounds, maximized: maximized === true };
  } catch {
    return null;
  }
}

export function writeWindowState(file: string, state: WindowState): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(state));
  } catch {
    // Losing the window position is not worth interrupting the user for.
  }
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * The bounds to open with: the saved ones, shrunk to fit the screen they are on, when enough of
 * them is visible on a connected screen's work area; otherwise just the size (the OS centres it).
 */
export function restoreBounds(saved: WindowState | null, workAreas: readonly Rect[]): Partial<Rect> & { width: number; height: number } {
  const primary = workAreas[0];
  const fit = (size: { width: number; height: number }, area: Rect | undefined) => ({
    width: Math.max(MIN_SIZE.width, Math.min(size.width, area?.width ?? size.width)),
    height: Math.max(MIN_SIZE.height, Math.min(size.height, area?.height ?? size.height)),
  });
  if (!saved) return fit(DEFAULT_SIZE, primary);
  const titleBar: Rect = { ...saved.bounds, height: Math.min(saved.bounds.height, 40) };
  const area = workAreas.find((candidate) => {
    const o = overlap(titleBar, candidate);
    return o.width >= MIN_VISIBLE && o.height > 0;
  });
  if (!area) return fit(saved.bounds, primary);
  const size = fit(saved.bounds, area);
  const x = Math.min(Math.max(saved.bounds.x, area.x), area.x + area.width - size.width);
  const y = Math.min(Math.max(saved.bounds.y, area.y), area.y + area.height - size.height);
  return { x, y, ...size };
}
