// Reading every sheet of an XLSX workbook, in tab order, as rows of text cells, streaming, within
// IMPORT_LIMITS.
//
// Sheets: an export of more rows than a sheet holds continues on further sheets, each starting with
// the header row, so the first row of each further sheet must be the first sheet's header and is
// left out; a further sheet with no rows is skipped. Rows are numbered on across the sheets as the
// same file's lines in CSV would be (the first sheet's header is 1, the second sheet's first row
// after its header follows the first sheet's last row), so a report's line numbers mean one thing.
//
// Why not a library: exceljs's streaming reader, the one at hand, inflated from the zip's local
// headers past every size the directory declared (a lying directory took it to 680 MB, then "Invalid
// string length"), copied the sheet to the temporary folder when it came before the shared strings,
// and read the strings of such a sheet as empty, so the app's own exports of 70 rows or fewer could
// not be imported back. What an inventory sheet needs of SpreadsheetML is small: the cells' text.
// The zip is read by its directory with sizes enforced (xlsx-zip.ts), the XML by saxes
// (xml-stream.ts); the shared strings are read first, whatever their place in the zip, then the
// sheet is streamed, nothing copied.
//
// Cells: shared strings (t="s"), inline strings (t="inlineStr", rich-text runs joined, phonetic runs
// left out), formula results (t="str", the stored value: a formula is never evaluated), numbers
// (t="n" or none, as their shortest decimal form: what exceljs gave), booleans (t="b": true/false),
// errors (t="e": the error text, such as #N/A) and dates (t="d", as written). A cell without r= is in
// the column after the one before it; a row without r= follows the one before it.
import { columnLetters } from '../export/xlsx-writer';
import { IMPORT_LIMITS } from './limits';
import type { RawRow } from './read-rows';
import { refuseImport } from './refusal';
import { SharedStringsTable } from './shared-strings-table';
import { readXml, xmlChunks } from './xml-stream';
import { workbookParts } from './xlsx-parts';
import { describePartFailure, openXlsxZip, type XlsxZip } from './xlsx-zip';

// ECMA-376 escapes characters XML cannot hold as _xHHHH_ (and a literal "_x" as _x005F_x).
const ESCAPED_CHARACTER = /_x([0-9A-Fa-f]{4})_/g;
const unescapeText = (text: string) =>
  text.includes('_x') ? text.replace(ESCAPED_CHARACTER, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
/** An escape is 7 characters for 1: text longer than this can only decode to a cell over the limit. */
const MAX_RAW_CELL_CHARS = IMPORT_LIMITS.maxCellChars * 7;
const CELL_REFERENCE = /^([A-Za-z]{1,3})\d*$/;

function columnIndex(letters: string): number {
  let index = 0;
  for (const c of letters.toUpperCase()) index = index * 26 + (c.charCodeAt(0) - 64);
  return index - 1;
}

async function readSharedStrings(file: string, zip: XlsxZip, part: string | null): Promise<SharedStringsTable> {
  const table = new SharedStringsTable();
  if (part === null) return table;
  let item: string | null = null;
  let inText = false;
  let phonetic = 0;
  await readXml(file, part, await zip.open(part, IMPORT_LIMITS.maxSharedStringsBytes), {
    open(name) {
      if (name === 'si') item = '';
      else if (name === 't') inText = true;
      else if (name === 'rPh') phonetic++;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si' && item !== null) {
        table.add(unescapeText(item));
        item = null;
      }
    },
    text(text) {
      if (item !== null && inText && phonetic === 0) item += text;
    },
  });
  table.seal();
  return table;
}

/** The text of one cell from its type, its <v> and its inline string. */
function cellText(type: string, value: string, inline: string, strings: SharedStringsTable): string | undefined {
  switch (type) {
    case 's':
      return value.trim() === '' ? '' : strings.get(Number(value));
    case 'inlineStr':
      return unescapeText(inline);
    case 'str':
      return unescapeText(value);
    case 'b':
      return value === '1' ? 'true' : value === '0' ? 'false' : value;
    case 'n': {
      const n = Number(value);
      return value.trim() !== '' && Number.isFinite(n) ? String(n) : value;
    }
    default:
      return value;
  }
}

export async function* xlsxRows(file: string): AsyncGenerator<RawRow> {
  const zip = await openXlsxZip(file);
  try {
    const parts = await workbookParts(file, zip);
    const strings = await readSharedStrings(file, zip, parts.sharedStrings);
    let header: string[] | null = null;
    /** The line of the last row read, over the sheets read so far. */
    let lastLine = 0;
    for (const [index, sheet] of parts.sheets.entries()) {
      // A further sheet's header is not a line of the CSV its rows would make: its row 2 follows.
      const offset = header === null ? 0 : lastLine - 1;
      let first = index > 0;
      for await (const row of sheetRows(file, zip, sheet, strings)) {
        if (first) {
          first = false;
          if (header !== null && !sameHeader(header, row.cells))
            throw refuseImport(
              file,
              `its sheet ${index + 1} does not start with the first sheet's header row (${describeHeader(header)}), so its columns are unknown`,
            );
          if (header !== null) continue;
        }
        header ??= row.cells;
        lastLine = row.line + offset;
        yield { line: lastLine, cells: row.cells };
      }
    }
  } finally {
    zip.close();
  }
}

/** Header cells equal but for white space around them and empty cells at the end. */
function sameHeader(a: readonly string[], b: readonly string[]): boolean {
  const trimmed = (cells: readonly string[]) => {
    const names = cells.map((c) => c.trim());
    while (names.length && names[names.length - 1] === '') names.pop();
    return names;
  };
  const [x, y] = [trimmed(a), trimmed(b)];
  return x.length === y.length && x.every((name, i) => name === y[i]);
}

const describeHeader = (header: readonly string[]) => {
  const names = header.filter((c) => c.trim() !== '').slice(0, 3);
  return `${names.join(', ')}${header.length > 3 ? ', ...' : ''}`;
};

/** One sheet's rows, numbered as in the sheet. */
async function* sheetRows(file: string, zip: XlsxZip, sheet: string, strings: SharedStringsTable): AsyncGenerator<RawRow> {
  const ready: RawRow[] = [];
  let row: RawRow | null = null;
  let lastLine = 0;
  let nextColumn = 0;
  // The cell being read.
  let column = -1;
  let type = '';
  let value = '';
  let inline = '';
  let inValue = false;
  let inInline = false;
  let inText = false;
  let phonetic = 0;
  const tooLong = () => refuseImport(file, `row ${row?.line} has a cell of more than ${IMPORT_LIMITS.maxCellChars} characters`);

  const handlers = {
    open(name: string, attributes: Record<string, string>) {
      if (name === 'row') {
        const line = attributes.r === undefined ? lastLine + 1 : Number(attributes.r);
        if (!Number.isSafeInteger(line) || line < 1) throw refuseImport(file, `its sheet has a row numbered "${attributes.r}"`);
        row = { line, cells: [] };
        lastLine = line;
        nextColumn = 0;
      } else if (name === 'c' && row) {
        const reference = attributes.r;
        const letters = reference === undefined ? null : CELL_REFERENCE.exec(reference)?.[1];
        if (letters === undefined) throw refuseImport(file, `row ${row.line} has a cell named "${reference}"`);
        column = letters === null ? nextColumn : columnIndex(letters);
        if (column >= IMPORT_LIMITS.maxColumns)
          throw refuseImport(
            file,
            `row ${row.line} has a cell in column ${columnLetters(column)} (at most ${IMPORT_LIMITS.maxColumns} columns)`,
          );
        type = attributes.t ?? 'n';
        value = '';
        inline = '';
      } else if (name === 'v') inValue = true;
      else if (name === 'is') inInline = true;
      else if (name === 't') inText = true;
      else if (name === 'rPh') phonetic++;
    },
    close(name: string) {
      if (name === 'v') inValue = false;
      else if (name === 'is') inInline = false;
      else if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'c' && row && column >= 0) {
        const text = cellText(type, value, inline, strings);
        if (text === undefined)
          throw refuseImport(file, `row ${row.line} refers to shared string ${value}, which the workbook does not have`);
        while (row.cells.length < column) row.cells.push('');
        row.cells[column] = text;
        nextColumn = column + 1;
        column = -1;
      } else if (name === 'row' && row) {
        // A row of empty (styled) cells is an empty row, as a blank line is in a CSV file.
        if (row.cells.some((cell) => cell !== '')) ready.push(row);
        row = null;
      }
    },
    text(text: string) {
      if (column < 0) return;
      if (inValue) value += text;
      else if (inInline && inText && phonetic === 0) inline += text;
      else return;
      if (value.length > MAX_RAW_CELL_CHARS || inline.length > MAX_RAW_CELL_CHARS) throw tooLong();
    },
  };
  for await (const _ of xmlChunks(file, sheet, await zip.open(sheet, IMPORT_LIMITS.maxUncompressedBytes), handlers)) {
    yield* ready.splice(0);
  }
  yield* ready.splice(0);
}

/**
 * Counts the rows of every sheet (a further sheet's header aside) without parsing them, stopping once past `atMost`: each `<row` tag (with the
 * sheet's namespace prefix, if it uses one), which cannot occur in XML text or attributes. Inflating
 * and searching bytes is about six times faster than parsing, so a file with too many rows is
 * refused before any is read.
 */
export async function countXlsxRows(file: string, atMost: number): Promise<number> {
  const zip = await openXlsxZip(file);
  try {
    const { sheets } = await workbookParts(file, zip);
    let rows = 0;
    for (const [index, sheet] of sheets.entries()) {
      const counted = await countSheetRows(file, zip, sheet, atMost - rows + 1);
      // A further sheet's header row is not counted: xlsxRows leaves it out.
      rows += index === 0 ? counted : Math.max(counted - 1, 0);
      if (rows > atMost) return rows;
    }
    return rows;
  } finally {
    zip.close();
  }
}

async function countSheetRows(file: string, zip: XlsxZip, sheet: string, atMost: number): Promise<number> {
  const stream = await zip.open(sheet, IMPORT_LIMITS.maxUncompressedBytes);
  let tag: Buffer | null = null;
  let tail: Buffer = Buffer.alloc(0);
  let rows = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const data = tail.length ? Buffer.concat([tail, chunk]) : chunk;
      if (tag === null) {
        const prefix = /<([A-Za-z_][\w.-]*:)?worksheet[\s>/]/.exec(data.toString('latin1', 0, Math.min(data.length, 65536)));
        tag = Buffer.from(`<${prefix?.[1] ?? ''}row`);
      }
      // A match whose next byte is not here yet is counted with the next chunk.
      for (let i = data.indexOf(tag); i !== -1 && i + tag.length < data.length; i = data.indexOf(tag, i + 1)) {
        const next = data[i + tag.length];
        if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d) rows++;
      }
      if (rows > atMost) return rows;
      tail = data.subarray(Math.max(0, data.length - tag.length));
    }
  } catch (error) {
    throw refuseImport(file, describePartFailure(sheet, error as Error));
  } finally {
    stream.destroy();
  }
  return rows;
}
