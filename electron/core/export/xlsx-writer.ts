// A streaming XLSX writer: the worksheet XML is produced row by row into a streaming zip
// (archiver over Node's native zlib), so memory stays flat however many rows are written.
//
// Why not exceljs's streaming WorkbookWriter: measured on this machine it took 11 s and 573 MB for
// 1,000,000 rows (the target is < 15 s and < 400 MB). A single sheet of inline-string cells
// is a small, fixed piece of SpreadsheetML, so it is written here directly.
//
// Every cell is an inline string (t="inlineStr"): numbers stay text, never a number or a formula.
import archiver from 'archiver';
import fs from 'node:fs';
import { PassThrough } from 'node:stream';
import { once } from 'node:events';

/** Excel's sheet limit, header row included. */
export const XLSX_MAX_ROWS = 1_048_576;

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const workbook = (sheetName: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${escapeXml(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;
// The minimal style sheet: one font, fill, border and cell format (style 0, "General").
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>`;
const SHEET_START = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
const SHEET_END = `</sheetData></worksheet>`;

// Characters XML 1.0 does not allow at all; they cannot be written, so they are dropped.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const XML_SPECIAL = /[&<>"]/g;
const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export function escapeXml(value: string): string {
  return value.replace(INVALID_XML, '').replace(XML_SPECIAL, (c) => XML_ENTITIES[c]);
}

/** A1-style column letters: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export class XlsxStreamWriter {
  private readonly archive = archiver('zip', { zlib: { level: 1 } });
  private readonly sheet = new PassThrough({ highWaterMark: 1 << 20 });
  private readonly file: fs.WriteStream;
  private readonly finished: Promise<void>;
  private rowCount = 0;
  private letters: string[] = [];
  private failure: Error | null = null;

  constructor(path: string, sheetName = 'Numbers') {
    this.file = fs.createWriteStream(path);
    this.archive.on('error', (error: Error) => (this.failure ??= error));
    this.file.on('error', (error: Error) => (this.failure ??= error));
    this.archive.pipe(this.file);
    const date = new Date('2000-01-01T00:00:00Z');
    this.archive.append(CONTENT_TYPES, { name: '[Content_Types].xml', date });
    this.archive.append(ROOT_RELS, { name: '_rels/.rels', date });
    this.archive.append(workbook(sheetName), { name: 'xl/workbook.xml', date });
    this.archive.append(WORKBOOK_RELS, { name: 'xl/_rels/workbook.xml.rels', date });
    this.archive.append(STYLES, { name: 'xl/styles.xml', date });
    this.archive.append(this.sheet, { name: 'xl/worksheets/sheet1.xml', date });
    this.finished = once(this.file, 'close').then(() => undefined);
    this.sheet.write(SHEET_START);
  }

  /** Writes rows of text cells; empty cells are left out. Resolves once the zip can take more. */
  async writeRows(rows: readonly (readonly string[])[]): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.rowCount + rows.length > XLSX_MAX_ROWS) throw new Error(`An XLSX sheet holds at most ${XLSX_MAX_ROWS} rows`);
    let xml = '';
    for (const cells of rows) {
      const r = ++this.rowCount;
      xml += `<row r="${r}">`;
      for (let i = 0; i < cells.length; i++) {
        const value = cells[i];
        if (value === '') continue;
        const letters = (this.letters[i] ??= columnLetters(i));
        const space = value.trim() !== value ? ' xml:space="preserve"' : '';
        xml += `<c r="${letters}${r}" t="inlineStr"><is><t${space}>${escapeXml(value)}</t></is></c>`;
      }
      xml += '</row>';
    }
    if (!this.sheet.write(xml)) await once(this.sheet, 'drain');
  }

  get rowsWritten(): number {
    return this.rowCount;
  }

  async finish(): Promise<void> {
    this.sheet.end(SHEET_END);
    await this.archive.finalize();
    await this.finished;
    if (this.failure) throw this.failure;
  }

  /** Stops writing; the caller removes the file. */
  async abort(): Promise<void> {
    this.archive.abort();
    this.sheet.destroy();
    if (!this.file.closed) {
      this.file.end();
      await this.finished.catch(() => undefined);
    }
  }
}
