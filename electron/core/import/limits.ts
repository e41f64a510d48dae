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
  /** Declared uncompressed bytes of all entries together. */
  maxUncompressedBytes: 1_500_000_000,
  /** Declared uncompressed / compressed size of any one entry: real sheets compress ~5-30x, bombs ~1000x. */
  maxCompressionRatio: 200,
  /** Characters in one row, all cells together. */
  maxRowChars: 16_384,
  /** Characters in one cell. */
  maxCellChars: 2_000,
  /** Cells in one row. */
  maxColumns: 100,
} as const;
