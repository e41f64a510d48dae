// The workbook's shared-strings table (xl/sharedStrings.xml) for the export's few-valued columns.
//
// Why: a cell that refers to the table, <c r="B2" t="s"><v>3</v></c>, is about half the XML of the
// same inline string, and at 1,000,000 rows half the columns are states, countries, vendors, yes/no
// and the like. Less XML is less to build, encode, checksum and deflate.
//
// The table is kept in memory until the end (it is written after the sheet), so it is bounded: once
// it holds 65,536 values or 4 M characters (a few MB), new values are written inline instead. Free
// text in a "few-valued" column (a vendor is any name) can then never grow memory with the rows.
import { escapeXml, xmlSpace } from './xlsx-xml';

const SHARED_STRINGS_LIMITS = { maxStrings: 1 << 16, maxChars: 1 << 22 };

export const SHARED_STRINGS_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml';
export const SHARED_STRINGS_RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings';

export class SharedStrings {
  /** Each value and the rest of its cell after the reference, `" t="s"><v>INDEX</v></c>`. */
  private readonly tails = new Map<string, string>();
  private readonly values: string[] = [];
  private chars = 0;
  private references = 0;

  constructor(private readonly limits = SHARED_STRINGS_LIMITS) {}

  /** The tail of a cell referring to `value`, or undefined when the table is full and it is not in it. */
  cellTail(value: string): string | undefined {
    let tail = this.tails.get(value);
    if (tail === undefined) {
      if (this.values.length >= this.limits.maxStrings || this.chars + value.length > this.limits.maxChars) return undefined;
      tail = `" t="s"><v>${this.values.length}</v></c>`;
      this.tails.set(value, tail);
      this.values.push(value);
      this.chars += value.length;
    }
    this.references++;
    return tail;
  }

  get size(): number {
    return this.values.length;
  }

  toXml(): string {
    const items = this.values.map((value) => `<si><t${xmlSpace(value)}>${escapeXml(value)}</t></si>`).join('');
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.references}" uniqueCount="${this.values.length}">${items}</sst>`;
  }
}
