// Where to go after logging in or signing up. Pure.

const SITE = "http://rebound.invalid";

/**
 * A same-site path to follow, or the fallback. Browsers drop tabs and line
 * breaks from a Location and read "\" as "/", so "/\t/evil.example" would
 * leave the site as "//evil.example": any control character or backslash is
 * refused outright (a line break would also make the header invalid, a 500),
 * and what is left must resolve to this site.
 */
export function safeRedirect(to: unknown, fallback: string): string {
  if (typeof to !== "string" || to.length === 0 || to.length > 2000) return fallback;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f\\]/.test(to)) return fallback;
  if (!to.startsWith("/") || to.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(to, SITE);
  } catch {
    return fallback;
  }
  if (url.origin !== SITE) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
