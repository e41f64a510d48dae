// Feeding one inflated XML part to saxes (a streaming XML parser), a chunk at a time, with bounds.
//
// saxes gathers a text, a tag or a comment into one string until it ends; a part that never ends
// one (a gigabyte of text in one cell) would grow that string without limit. So the bytes fed since
// the parser last completed anything are counted, and the part is refused past
// IMPORT_LIMITS.maxXmlTokenBytes. saxes expands no entity but XML's own five and character
// references (no DTD is read), so nothing inflates inside the parser either.
import type { Readable } from 'node:stream';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { isInventoryError } from '../../../shared/errors';
import { IMPORT_LIMITS } from './limits';
import { refuseImport } from './refusal';
import { describePartFailure } from './xlsx-zip';

export interface XmlHandlers {
  /** An element opens; `name` without its namespace prefix. */
  open(name: string, attributes: Record<string, string>): void;
  close(name: string): void;
  text(text: string): void;
}

/** The local part of a qualified name: `x:row` -> `row`. */
const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

/**
 * Parses the part, calling the handlers as it goes; yields after each chunk so a caller can hand
 * on what the chunk produced before the next is inflated (the stream waits meanwhile).
 */
export async function* xmlChunks(file: string, part: string, stream: Readable, handlers: XmlHandlers): AsyncGenerator<void> {
  const parser = new SaxesParser();
  // Whether the parser completed a tag, text or the like during the chunk just written.
  let completed: boolean;
  parser.on('opentag', (tag: SaxesTagPlain) => {
    completed = true;
    handlers.open(localName(tag.name), tag.attributes);
  });
  parser.on('closetag', (tag: SaxesTagPlain) => {
    completed = true;
    handlers.close(localName(tag.name));
  });
  parser.on('text', (text: string) => {
    completed = true;
    handlers.text(text);
  });
  const done = () => {
    completed = true;
  };
  parser.on('comment', done);
  parser.on('cdata', (text: string) => {
    completed = true;
    handlers.text(text);
  });
  parser.on('processinginstruction', done);
  parser.on('doctype', done);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pending = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      completed = false;
      parser.write(decoder.decode(chunk, { stream: true }));
      pending = completed ? 0 : pending + chunk.length;
      if (pending > IMPORT_LIMITS.maxXmlTokenBytes)
        throw refuseImport(file, `its part ${part} holds a text or tag of more than ${IMPORT_LIMITS.maxXmlTokenBytes} bytes`);
      yield;
    }
    parser.write(decoder.decode());
    parser.close();
  } catch (error) {
    if (isInventoryError(error)) throw error;
    if (error instanceof TypeError && 'code' in error && error.code === 'ERR_ENCODING_INVALID_ENCODED_DATA')
      throw refuseImport(file, `its part ${part} is not UTF-8 XML`);
    throw refuseImport(file, describePartFailure(part, error as Error));
  } finally {
    stream.destroy();
  }
}

/** Parses a whole part with the handlers. */
export async function readXml(file: string, part: string, stream: Readable, handlers: XmlHandlers): Promise<void> {
  for await (const _ of xmlChunks(file, part, stream, handlers));
}
