/**
 * The practice server's address as the therapist types it: the CouchDB database's URL, such as
 * `https://practice-nas.local:6984/stillpoint`. Main allows exactly this URL's origin through
 * the network lockdown and the CSP, so the check is shared: the renderer says what is wrong
 * beside the field, main refuses the same address again.
 */
export type ServerAddress =
  | { ok: true; origin: string; databaseUrl: string }
  | { ok: false; message: string; reason: keyof typeof SERVER_ADDRESS_MESSAGES };

/**
 * Why an address is refused, English like every schema's (main checks it too): the screens show
 * each in the reader's language by its key `validation.serverAddress.<reason>`
 * (src-shared/i18n/field-messages.ts), and main refuses with the same key.
 */
export const SERVER_ADDRESS_MESSAGES = {
  missing:
    'Enter the address of the practice server, for example https://practice-nas.local:6984/stillpoint.',
  tooLong: 'This address is too long to be a server address.',
  notWeb:
    'This is not a web address. It starts with https:// and ends with the database name, for example https://practice-nas.local:6984/stillpoint.',
  scheme: 'The address must start with https:// (or http:// inside the practice network).',
  httpOutside:
    'Outside the practice network the server must use https://, so the sync password cannot be read on the way.',
  credentials: 'Leave the user name and password out of the address: there are fields for them below.',
  queryOrHash: 'The address must not contain ? or #.',
  database:
    'Add the database name at the end of the address, for example …:6984/stillpoint (lower-case letters, digits, - and _).',
} as const;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Addresses inside the practice's own network, where plain http is tolerated (see docs/sync.md). */
function isPrivateHost(host: string): boolean {
  if (LOOPBACK.has(host) || host.endsWith('.local')) return true;
  const parts = host.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return false;
  const [a, b] = parts as [number, number, number, number];
  return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

export function readServerAddress(text: string): ServerAddress {
  const refused = (reason: keyof typeof SERVER_ADDRESS_MESSAGES): ServerAddress => ({
    ok: false,
    message: SERVER_ADDRESS_MESSAGES[reason],
    reason,
  });
  const trimmed = text.trim();
  if (trimmed === '') return refused('missing');
  if (trimmed.length > 500) return refused('tooLong');
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return refused('notWeb');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return refused('scheme');
  if (url.protocol === 'http:' && !isPrivateHost(url.hostname)) return refused('httpOutside');
  if (url.username !== '' || url.password !== '') return refused('credentials');
  if (url.search !== '' || url.hash !== '') return refused('queryOrHash');
  const database = url.pathname.replace(/^\/+|\/+$/g, '');
  if (!/^[a-z][a-z0-9_$()+/-]*$/.test(database) || database.includes('/')) return refused('database');
  return { ok: true, origin: url.origin, databaseUrl: `${url.origin}/${database}` };
}
