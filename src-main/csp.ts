/**
 * The renderer's Content Security Policy, sent as a header with every app:// response (and
 * by the e2e harness). Only the app's own scripts and styles; images may be data:/blob: (a
 * practice logo preview); no plugins, frames, forms or base-URL tricks; no connections out,
 * except to the practice's sync server when sync is on (an origin only: anything else that
 * reaches here, say with a space or a semicolon, is ignored rather than spliced in).
 */
export function contentSecurityPolicyFor(syncOrigin: string | null): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    // Practice sync, when turned on: the practice's own server and nothing else.
    syncOrigin && isPlainOrigin(syncOrigin) ? `connect-src 'self' ${syncOrigin}` : "connect-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "worker-src 'self' blob:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The policy with sync off (the default). */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicyFor(null);

function isPlainOrigin(origin: string): boolean {
  return (
    /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/.test(origin) ||
    /^https?:\/\/\[[0-9a-fA-F:]+\](:\d{1,5})?$/.test(origin)
  );
}
