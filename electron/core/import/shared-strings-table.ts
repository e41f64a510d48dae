// The workbook's shared strings, held while its sheet is read, compactly: a spreadsheet program
// saving a sheet of a million inventory rows puts several million distinct values in the table
// (every number, UUID and time), and one JS string each costs 30-40 bytes beyond its characters.
// Here the strings of each block of 4,096 are joined into one string with their end offsets beside
// it, about one byte per character (two for non-Latin text) plus four per string, so the table
// stays near the size of its part whatever that holds (the part's size is limited).
const BLOCK = 4096;

export class SharedStringsTable {
  private readonly blocks: string[] = [];
  private readonly ends: Uint32Array[] = [];
  private pending: string[] = [];
  private count = 0;

  add(value: string): void {
    this.count++;
    this.pending.push(value);
    if (this.pending.length === BLOCK) this.seal();
  }

  /** Call once every string is added. */
  seal(): void {
    if (this.pending.length === 0) return;
    const ends = new Uint32Array(this.pending.length);
    let end = 0;
    this.pending.forEach((value, i) => (ends[i] = end += value.length));
    this.blocks.push(this.pending.join(''));
    this.ends.push(ends);
    this.pending = [];
  }

  get size(): number {
    return this.count;
  }

  /** The string at `index` (once sealed), or undefined when the table has none there. */
  get(index: number): string | undefined {
    const block = Math.floor(index / BLOCK);
    const ends = this.ends[block];
    const i = index - block * BLOCK;
    if (ends === undefined || i >= ends.length || i < 0) return undefined;
    return this.blocks[block].slice(i === 0 ? 0 : ends[i - 1], ends[i]);
  }
}
