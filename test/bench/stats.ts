// Small helpers for the benchmark: timing, percentiles, and the printed table.
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function time<T>(work: () => T): { ms: number; value: T } {
  const start = process.hrtime.bigint();
  const value = work();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

export async function timeAsync<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await work();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export interface Measurement {
  name: string;
  unit: string;
  value: number;
  baseline: number | null;
  /** value / baseline (for rates: baseline / value), so > 1 means slower than the baseline. */
  ratio: number | null;
  target: string;
  met: boolean | null;
  note?: string;
}

export function table(rows: Measurement[]): string {
  const header = ['measurement', 'value', 'baseline', 'ratio', 'target', 'met'];
  const lines = rows.map((r) => [
    r.name,
    `${round(r.value)} ${r.unit}`,
    r.baseline === null ? '-' : `${round(r.baseline)} ${r.unit}`,
    r.ratio === null ? '-' : `${round(r.ratio)}x`,
    r.target,
    r.met === null ? '-' : r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  return [fmt(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(fmt)].join('\n');
}
