// A file that cannot be written fails the XLSX export with its cause, however many rows follow
// (the writer does not wait on a zip that will never take them). /dev/full is a disk that is always
// full: every write fails with ENOSPC, which the export reports as DISK_FULL.
import fs from 'node:fs';
import { expect, it } from 'vitest';
import { XlsxStreamWriter } from '../../electron/core/export/xlsx-writer';
import { typedRefusal } from '../../electron/core/failures';

it('rejects, naming the cause, when the file cannot be written', async () => {
  const writer = new XlsxStreamWriter(fs.openSync('/dev/full', 'w'), { header: ['number'] });
  // Far more than the streams buffer, so the writer has to wait for the zip to drain.
  const row = Array.from({ length: 20 }, (_, i) => `cell ${i} ${'x'.repeat(40)}`);
  const write = async () => {
    for (let batch = 0; batch < 200; batch++) await writer.writeRows(Array.from({ length: 1000 }, () => row));
    await writer.finish();
  };
  const failure = await write().then(
    () => null,
    (error: unknown) => error,
  );
  expect(failure).toMatchObject({ code: 'ENOSPC' });
  expect(typedRefusal(failure)?.code).toBe('DISK_FULL');
  await writer.abort();
}, 30_000);
