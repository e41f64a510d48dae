// Utf8Chunks hands on exactly the UTF-8 of the text put into it, in order, whatever the mix of
// piece sizes (pieces larger than a chunk included) and characters of 1 to 4 bytes.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { Utf8Chunks } from '../../electron/core/export/utf8-chunks';

it('hands on the exact UTF-8 of every piece, in order, reusing its buffer or not', () => {
  fc.assert(
    fc.property(
      fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { maxLength: 30 }),
      fc.integer({ min: 12, max: 64 }),
      fc.boolean(),
      (pieces, size, keeps) => {
        const received: Buffer[] = [];
        // A sink that does not keep the buffer must copy it now; one that keeps it may hold it.
        const chunks = new Utf8Chunks(size, (bytes) => received.push(keeps ? bytes : Buffer.from(bytes)), keeps);
        for (const piece of pieces) chunks.put(piece);
        chunks.flush();
        expect(Buffer.concat(received).toString('utf8')).toBe(pieces.join(''));
        expect(received.every((b) => b.length > 0)).toBe(true);
      },
    ),
  );
});
