// The page side of the UI benchmark, installed into the page before it loads. It notes when the
// next input event happened (the event's own timestamp, so Playwright's round trips are not
// counted), then watches the DOM until every awaited element is there and takes the time of the
// frame that paints it, and lists the API requests made meanwhile with the core's time of each
// (browser mode's Server-Timing header). Written as page-side JavaScript in a string because the
// benchmark's tsconfig has no DOM types, and eval is barred by the page's CSP anyway.

/** One element to wait for: present, and with this text when given. */
export interface Awaited {
  selector: string;
  text?: string;
}

interface ProbeRequest {
  /** The contract channel, e.g. numbers:search. */
  channel: string;
  /** When the request left the page and when its answer was read, on the page's clock (ms). */
  start: number;
  end: number;
  /** The core's time for it, from Server-Timing (ms). */
  core: number | null;
}

export interface ProbeSample {
  inputAt: number;
  visibleAt: number;
  requests: ProbeRequest[];
}

export const PROBE_SCRIPT = String.raw`(() => {
  let inflight = 0;
  const originalFetch = window.fetch.bind(window);
  window.fetch = (...args) => {
    inflight += 1;
    return originalFetch(...args).finally(() => { inflight -= 1; });
  };
  performance.setResourceTimingBufferSize(100000);
  let armed = null;
  const matches = (awaited) => awaited.every(({ selector, text }) => {
    const element = document.querySelector(selector);
    return element !== null && (text === undefined || element.textContent.includes(text));
  });
  const onInput = (event) => {
    if (armed && armed.inputAt === null) armed.inputAt = event.timeStamp;
  };
  window.addEventListener('pointerdown', onInput, true);
  window.addEventListener('keydown', onInput, true);
  const check = () => {
    if (!armed || armed.inputAt === null || armed.seen || !matches(armed.awaited)) return;
    armed.seen = true;
    const current = armed;
    requestAnimationFrame(() => {
      const visibleAt = performance.now();
      const requests = performance.getEntriesByType('resource')
        .filter((entry) => entry.name.includes('/api/') && entry.startTime >= current.inputAt)
        .map((entry) => ({
          channel: decodeURIComponent(new URL(entry.name).pathname.replace(/^\/api\//, '')),
          start: entry.startTime,
          end: entry.responseEnd,
          core: (entry.serverTiming.find((timing) => timing.name === 'core') || { duration: null }).duration,
        }));
      current.resolve({ inputAt: current.inputAt, visibleAt, requests });
    });
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  window.__uiProbe = {
    arm(awaited) {
      if (matches(awaited)) throw new Error('already on screen before the input: ' + JSON.stringify(awaited));
      performance.clearResourceTimings();
      const result = new Promise((resolve) => { armed = { awaited, inputAt: null, seen: false, resolve }; });
      window.__uiProbeResult = result;
    },
    result: () => window.__uiProbeResult,
    idle: () => new Promise((resolve) => {
      let quiet = 0;
      const tick = () => {
        quiet = inflight === 0 ? quiet + 1 : 0;
        if (quiet >= 5) resolve(true); else setTimeout(tick, 20);
      };
      tick();
    }),
  };
})();`;
