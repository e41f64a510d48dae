// Limits an import file must stay within; anything beyond is refused before any row is written.
export const IMPORT_LIMITS = {
  /** Data rows in one file (a million-number inventory with room to spare). */
  maxRows: 2_000_000,
  /** Bytes of a CSV file. */
  maxCsvBytes: 2_000_000_000,
  /** Bytes of an XLSX file as stored. */
  maxXlsxBytes: 300_000_000,
  /** Entries in an XLSX zip (a workbook has about ten). */
  maxZipEntries: 200,
  /** Sheets in an XLSX workbook (an export of the most rows an import takes fills two). */
  maxSheets: 100,
  /** Declared uncompressed bytes of all entries together. */
  maxUncompressedBytes: 1_500_000_000,
  /** Declared uncompressed / compressed size of any one entry: real sheets compress ~5-30x, bombs ~1000x. */
  maxCompressionRatio: 200,
  /**
   * Bytes of the workbook's shared-strings part. It is held in memory while the sheet is read (about
   * one byte per character: see shared-strings-table.ts); a spreadsheet program saving a full sheet
   * of 1,048,576 inventory rows writes about 170 MB of it.
   */
  maxSharedStringsBytes: 400_000_000,
  /** Bytes of the workbook part and its relationships (a few KB in any real workbook). */
  maxWorkbookPartBytes: 16_000_000,
  /**
   * Bytes of XML the reader may take in without the parser completing a tag or a text: a cell is at
   * most 2,000 characters (20 KB written as character references), so anything longer is refused
   * before the parser gathers it into one string.
   */
  maxXmlTokenBytes: 1_000_000,
  /** Characters in one row, all cells together. */
  maxRowChars: 16_384,
  /** Characters in one cell. */
  maxCellChars: 2_000,
  /** Cells in one row. */
  maxColumns: 100,
} as const;
