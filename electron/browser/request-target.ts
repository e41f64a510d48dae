// The address of a request, read without trusting it: anyone on the machine can send any request
// line, so a malformed URL or percent-escape is an answer (400) and never an exception, and an
// absolute URL must name browser mode itself, as the Host header must.
import { decodeUrlPath } from '../../shared/renderer-files';
import { hostAllowed } from './request-guard';

export type RequestTarget =
  { ok: true; /** Percent-escapes decoded. */ path: string; query: URLSearchParams } | { ok: false; status: 400 | 403; message: string };

/** Enough of a hostile address to recognise it in a message, never megabytes of it. */
function shown(text: string): string {
  return JSON.stringify(text.length > 120 ? `${text.slice(0, 120)}…` : text);
}

export function parseRequestTarget(requestTarget: string | undefined, port: number): RequestTarget {
  const target = requestTarget ?? '/';
  // Origin form ("/path?query") is read under our own origin by text, so "//host/x" stays a path;
  // the absolute form ("http://host/path") is allowed by HTTP and is checked like a Host header.
  const originForm = target.startsWith('/');
  let url: URL;
  try {
    url = new URL(originForm ? `http://127.0.0.1:${port}${target}` : target);
  } catch {
    return { ok: false, status: 400, message: `The request's address is not a valid URL: ${shown(target)}.` };
  }
  if (!originForm && (url.protocol !== 'http:' || !hostAllowed(url.host, port))) {
    return { ok: false, status: 403, message: 'Unexpected host in the address: browser mode answers only 127.0.0.1 and localhost.' };
  }
  const path = decodeUrlPath(url.pathname);
  if (path === null) {
    return {
      ok: false,
      status: 400,
      message: `The request's address has a malformed percent-escape (% must be followed by two hex digits): ${shown(url.pathname)}.`,
    };
  }
  return { ok: true, path, query: url.searchParams };
}
