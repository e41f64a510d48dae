// Which file of the built renderer a URL path names, and its content type: one rule for the two
// servers of the page, the desktop app's app:// protocol and browser mode's loopback HTTP. Pure
// string rules (no Node) so both may import them; each side does its own file reads.

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  map: 'application/json; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  ico: 'image/x-icon',
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
};

/** The page every server answers for the root path. */
export const RENDERER_INDEX = 'index.html';

/** By the file name's extension; unknown ones are served as opaque bytes (never sniffed). */
export function rendererContentType(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const extension = dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
  return CONTENT_TYPES[extension] ?? 'application/octet-stream';
}

/** A URL path with its percent-escapes decoded, or null when one is malformed (`%zz`, a lone `%`). */
export function decodeUrlPath(encodedPath: string): string | null {
  try {
    return decodeURIComponent(encodedPath);
  } catch {
    return null;
  }
}

// A segment that could climb out of the folder or name something else on some system: dot
// segments, Windows separators and drive letters, NUL and other control characters.
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused.
const UNSAFE_SEGMENT = /^\.{1,2}$|[\\:\u0000-\u001f\u007f]/;

/**
 * The path segments, inside the renderer folder, of a decoded URL path ("/" names index.html), or
 * null when the path would leave the folder or names something that is not a plain file name.
 * Empty segments ("//", a trailing "/") are ignored, as a file system would.
 */
export function rendererFileSegments(decodedPath: string): string[] | null {
  const segments = decodedPath.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => UNSAFE_SEGMENT.test(segment))) return null;
  return segments.length === 0 ? [RENDERER_INDEX] : segments;
}
