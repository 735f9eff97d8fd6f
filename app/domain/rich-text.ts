// The little markup a checkpoint's question and options may carry, mostly from
// imported question banks (issue 11): maths between \( \) (inline), \[ \] or
// $$ $$ (displayed), and images as ![description](image:ID). Everything else
// is plain text. Split here into segments; app/components/rich-text.tsx shows
// them (maths through KaTeX's MathML output). Pure, for server and browser.

export type RichSegment =
  | { type: "text"; text: string }
  | { type: "math"; tex: string; display: boolean }
  /** `ref` is "image:<id>" (stored), "upload:<key>" (in a pending import), or null (a description with no picture). */
  | { type: "image"; alt: string; ref: string | null };

const TOKEN = /\\\(([\s\S]+?)\\\)|\\\[([\s\S]+?)\\\]|\$\$([\s\S]+?)\$\$|!\[([^\]\n]{0,500})\]\(([^()\s]{0,200})\)/g;

export function richSegments(text: string): RichSegment[] {
  const segments: RichSegment[] = [];
  let last = 0;
  const pushText = (t: string) => {
    if (!t) return;
    const previous = segments.at(-1);
    if (previous?.type === "text") previous.text += t;
    else segments.push({ type: "text", text: t });
  };
  for (const match of text.matchAll(TOKEN)) {
    pushText(text.slice(last, match.index));
    last = match.index + match[0].length;
    if (match[1] !== undefined) segments.push({ type: "math", tex: match[1].trim(), display: false });
    else if (match[2] !== undefined || match[3] !== undefined) segments.push({ type: "math", tex: (match[2] ?? match[3]).trim(), display: true });
    else segments.push({ type: "image", alt: match[4].trim(), ref: match[5] ? match[5] : null });
  }
  pushText(text.slice(last));
  return segments;
}

/** The text with every image reference's target replaced (`upload:key` → `image:id` when an import is saved). */
export function replaceImageRefs(text: string, replace: (ref: string) => string | null): string {
  return text.replace(/!\[([^\]\n]{0,500})\]\(([^()\s]{1,200})\)/g, (whole, alt: string, ref: string) => {
    const next = replace(ref);
    return next === null ? `![${alt}]()` : `![${alt}](${next})`;
  });
}
