/**
 * Characters a browser removes from or reinterprets in a URL (controls, spaces, backslashes, which count as
 * "/" in http URLs) and invisible ones (zero-width, bidi, BOM): with any of them a link could look local and
 * go elsewhere, so the link is refused rather than cleaned.
 */
const SUSPICIOUS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  /[\u0000-\u0020\u007f-\u00a0\u00ad\\\u061c\u115f\u1160\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\u3164\ufeff]/;

/** A base no real link shares, to tell whether a relative link stays on this origin. */
const HERE = 'https://portal.invalid';

/**
 * The href a stored Markdown link may have, or null for one that must stay plain text. Only absolute http(s)
 * URLs with a host and root-relative paths on this site pass; `//host`, `/\host`, `javascript:` in any case
 * or spelling, `data:` and anything else do not.
 */
export function safeHref(href: string): string | null {
  if (!href || SUSPICIOUS.test(href)) return null;
  if (/^https?:\/\//i.test(href)) {
    try {
      const url = new URL(href);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname ? href : null;
    } catch {
      return null;
    }
  }
  if (href.startsWith('/') && !href.startsWith('//')) {
    try {
      return new URL(href, HERE).origin === HERE ? href : null;
    } catch {
      return null;
    }
  }
  return null;
}
