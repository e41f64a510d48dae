// A file that cannot be written fails the XLSX export with its cause, however many rows follow
// (the writer does not wait on a zip that will never take them).
import path from 'node:path';
import { expect, it } from 'vitest';
import { XlsxStreamWriter } from '../../electron/core/export/xlsx-writer';

it('rejects, naming the cause, when the file cannot be written', async () => {
  const writer = new XlsxStreamWriter(path.join('/nonexistent-directory', 'numbers.xlsx'));
  // Far more than the streams buffer, so the writer has to wait for the zip to drain.
  const row = Array.from({ length: 20 }, (_, i) => `cell ${i} ${'x'.repeat(40)}`);
  const write = async () => {
    for (let batch = 0; batch < 200; batch++) await writer.writeRows(Array.from({ length: 1000 }, () => row));
  };
  await expect(write()).rejects.toThrow(/ENOENT/);
  await writer.abort();
}, 30_000);
