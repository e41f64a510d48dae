// Browser mode's protocol, spoken by its server (electron/browser) and the renderer's API client:
//   POST API_PREFIX + <channel>    JSON body, header TOKEN_HEADER -> Outcome JSON
//   GET  EVENTS_PATH?token=...     Server-Sent Events stream of ChangeEvent
// The per-run token reaches the page as <meta name=TOKEN_META_NAME> in the index.html it serves.
export const TOKEN_META_NAME = 'number-inventory-token';
export const TOKEN_HEADER = 'x-number-inventory-token';
export const API_PREFIX = '/api/';
export const EVENTS_PATH = '/api/events';
