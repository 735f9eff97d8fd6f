// HTML (Moodle's question text, QTI's item body) to Rebound's prompt text:
// paragraphs and line breaks kept as new lines, lists as "• " lines, images as
// `![alt](upload:key)` for the reader to attach, maths left in its \( \) or
// \[ \] delimiters, every other tag dropped and entities decoded. What comes
// out is plain text: React escapes it when it is shown. Pure.

const NAMED: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ndash: "–",
  mdash: "—",
  hellip: "…",
  times: "×",
  divide: "÷",
  minus: "−",
  deg: "°",
  pi: "π",
  le: "≤",
  ge: "≥",
  ne: "≠",
  frac12: "½",
  sup2: "²",
  sup3: "³",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z][a-z0-9]{1,8});/gi, (whole, code: string) => {
    if (code[0] === "#") {
      const n = code[1] === "x" || code[1] === "X" ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : "";
    }
    return NAMED[code.toLowerCase()] ?? whole;
  });
}

function attribute(tag: string, name: string): string {
  const match = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(tag);
  return decodeEntities(match ? (match[2] ?? match[3] ?? match[4] ?? "") : "");
}

/**
 * `image(src, alt)` returns the text to put where an <img> was (usually an
 * image reference, or "" to leave it out).
 */
export function htmlToText(html: string, image: (src: string, alt: string) => string = () => ""): string {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/<img\b[^>]*>/gi, (tag) => image(attribute(tag, "src"), attribute(tag, "alt")))
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<li\b[^>]*>/gi, "\n• ")
    .replace(/<\/(p|div|li|h[1-6]|tr|table|ul|ol|blockquote|pre)\s*>/gi, "\n")
    .replace(/<(p|div|h[1-6]|tr|table|ul|ol|blockquote|pre)\b[^>]*>/gi, "\n")
    .replace(/<\/?[a-z][^>]*>/gi, "");
  return tidyText(decodeEntities(text));
}

/** Spaces and blank lines as a person would type them: runs of spaces once, at most one blank line, no spaces at line ends. */
export function tidyText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t\u00a0]+/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Whether a text looks like HTML (a tag or an entity), so that it is read as such. */
export function looksLikeHtml(text: string): boolean {
  return /<\/?[a-z][a-z0-9]*(\s[^>]*)?\/?>/i.test(text) || /&(#\d+|#x[0-9a-f]+|[a-z]+);/i.test(text);
}

/** A title from a question's text: its first line, cut at a word near `max` characters. */
export function titleFrom(text: string, max = 80): string {
  const firstLine =
    text
      .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
      .split("\n")
      .map((l) => l.trim())
      .find(Boolean) ?? "";
  return shorten(firstLine, max);
}

/** A text cut at a word boundary to at most `max` characters, with "…" when cut. */
export function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
