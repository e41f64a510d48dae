// The only links the app hands to the operating system: e-mail addresses (billing and owner
// contacts) and https pages on an explicit list. Anything else is dropped.
export const EXTERNAL_HTTPS_HOSTS: readonly string[] = ['www.itu.int'];

export function isAllowedExternalUrl(candidate: string): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  if (url.protocol === 'mailto:') return url.pathname.length > 0;
  return (
    url.protocol === 'https:' &&
    url.username === '' &&
    url.password === '' &&
    url.port === '' &&
    EXTERNAL_HTTPS_HOSTS.includes(url.hostname)
  );
}
