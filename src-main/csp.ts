/**
 * The renderer's Content Security Policy, sent as a header with every app:// response (and
 * by the e2e harness). Only the app's own scripts and styles; images may be data:/blob: (a
 * practice logo preview); no plugins, frames, forms or base-URL tricks; no connections out.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
