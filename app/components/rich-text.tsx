// A question or an option with its maths and pictures (app/domain/rich-text.ts):
// maths through KaTeX's MathML output (no inline styles, so nothing for the
// Content-Security-Policy to block; the browser lays the MathML out itself),
// pictures from the project's stored images, a picture the file only described
// as its description. Everything else is plain text, escaped by React.
import katex from "katex";
import { richSegments, type RichSegment } from "~/domain/rich-text";

/** Where a picture reference points: a stored image's address, a pending import's picture, or nothing to show. */
export type ImageSource = (ref: string) => string | null;

function mathMl(tex: string, display: boolean): string | null {
  try {
    // KaTeX escapes the TeX it is given; trust: false refuses \href, \url and \includegraphics.
    return katex.renderToString(tex, { output: "mathml", displayMode: display, throwOnError: true, trust: false, strict: "ignore", maxSize: 20, maxExpand: 200 });
  } catch {
    return null;
  }
}

function Segment({ segment, imageSrc }: { segment: RichSegment; imageSrc?: ImageSource }) {
  if (segment.type === "text") return <>{segment.text}</>;
  if (segment.type === "math") {
    const html = mathMl(segment.tex, segment.display);
    // TeX KaTeX cannot read is shown as it was written.
    if (html === null) return <code className="text-slate-800">{segment.display ? `\\[${segment.tex}\\]` : `\\(${segment.tex}\\)`}</code>;
    return segment.display ? <span className="my-2 block overflow-x-auto" dangerouslySetInnerHTML={{ __html: html }} /> : <span dangerouslySetInnerHTML={{ __html: html }} />;
  }
  const src = segment.ref && imageSrc ? imageSrc(segment.ref) : null;
  if (src) return <img src={src} alt={segment.alt} className="my-2 block h-auto max-w-full rounded border border-slate-200" />;
  return segment.alt ? <span className="my-1 block rounded border border-dashed border-slate-300 px-2 py-1 text-sm text-slate-700">Picture: {segment.alt}</span> : null;
}

/** The text with its maths and pictures; `className` goes on the wrapping element (a `p` unless `as="span"`). */
export function RichText({ text, imageSrc, className, as = "p" }: { text: string; imageSrc?: ImageSource; className?: string; as?: "p" | "span" | "div" }) {
  const Tag = as;
  return (
    <Tag className={className}>
      {richSegments(text).map((segment, i) => (
        <Segment key={i} segment={segment} imageSrc={imageSrc} />
      ))}
    </Tag>
  );
}
