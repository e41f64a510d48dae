// Finding a workbook's sheets and its shared strings: xl/workbook.xml names the sheets in tab
// order, each by a relationship id, and xl/_rels/workbook.xml.rels says which part each id is.
import path from 'node:path';
import { IMPORT_LIMITS } from './limits';
import { refuseImport } from './refusal';
import { readXml } from './xml-stream';
import type { XlsxZip } from './xlsx-zip';

const WORKBOOK_PART = 'xl/workbook.xml';
const WORKBOOK_RELS_PART = 'xl/_rels/workbook.xml.rels';
// Transitional and Strict OOXML spell the relationship types with different prefixes.
const SHARED_STRINGS_TYPE = /\/sharedStrings$/;

export interface WorkbookParts {
  /** Every sheet's part, in tab order. */
  sheets: string[];
  sharedStrings: string | null;
}

/** A relationship target as a part name: relative to xl/, or absolute from the package root. */
const partName = (target: string) => path.posix.normalize(target.startsWith('/') ? target.slice(1) : path.posix.join('xl', target));

export async function workbookParts(file: string, zip: XlsxZip): Promise<WorkbookParts> {
  if (!zip.has(WORKBOOK_PART)) throw refuseImport(file, 'it is a zip file but not an XLSX workbook');
  // Filled in by the parser's callbacks.
  const found: { sheetIds: string[]; targets: Map<string, string>; sharedStrings: string | null } = {
    sheetIds: [],
    targets: new Map(),
    sharedStrings: null,
  };
  await readXml(file, WORKBOOK_PART, await zip.open(WORKBOOK_PART, IMPORT_LIMITS.maxWorkbookPartBytes), {
    open(name, attributes) {
      if (name !== 'sheet') return;
      if (found.sheetIds.length >= IMPORT_LIMITS.maxSheets)
        throw refuseImport(file, `its workbook has more than ${IMPORT_LIMITS.maxSheets} sheets`);
      // The relationship id is in the relationships namespace, whatever its prefix (r:id).
      const key = Object.keys(attributes).find((k) => k.endsWith(':id'));
      found.sheetIds.push(key === undefined ? '' : attributes[key]);
    },
    close() {},
    text() {},
  });
  if (found.sheetIds.length === 0) throw refuseImport(file, 'its workbook has no sheet');

  if (zip.has(WORKBOOK_RELS_PART)) {
    await readXml(file, WORKBOOK_RELS_PART, await zip.open(WORKBOOK_RELS_PART, IMPORT_LIMITS.maxWorkbookPartBytes), {
      open(name, attributes) {
        if (name !== 'Relationship' || attributes.TargetMode === 'External' || !attributes.Target) return;
        if (attributes.Id) found.targets.set(attributes.Id, partName(attributes.Target));
        if (SHARED_STRINGS_TYPE.test(attributes.Type ?? '') && found.sharedStrings === null)
          found.sharedStrings = partName(attributes.Target);
      },
      close() {},
      text() {},
    });
  }
  // A workbook without relationships (no program writes one) is read by the parts' usual names.
  const sheets = found.sheetIds.map((id, i) => found.targets.get(id) ?? `xl/worksheets/sheet${i + 1}.xml`);
  for (const sheet of sheets) if (!zip.has(sheet)) throw refuseImport(file, `it is not an XLSX workbook: it has no ${sheet}`);
  const sharedStrings = found.sharedStrings ?? 'xl/sharedStrings.xml';
  return { sheets, sharedStrings: zip.has(sharedStrings) ? sharedStrings : null };
}
