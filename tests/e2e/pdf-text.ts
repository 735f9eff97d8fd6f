// Reads a PDF the way a test needs it: each page's size and its text lines,
// top to bottom. Uses PDF.js's legacy build, which runs in Node.
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export interface PdfPage {
  width: number;
  height: number;
  landscape: boolean;
  /** Lines of text, top of the page first (items on one baseline joined by spaces). */
  lines: string[];
  text: string;
}

export async function readPdf(data: Buffer): Promise<PdfPage[]> {
  const doc = await getDocument({ data: new Uint8Array(data), useSystemFonts: true, isEvalSupported: false }).promise;
  const pages: PdfPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const { width, height } = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const byLine = new Map<number, { x: number; width: number; text: string }[]>();
    for (const item of content.items) {
      if (!("str" in item) || !item.str) continue;
      const y = Math.round(item.transform[5]);
      // Items within 2pt of a line's baseline belong to it.
      const key = [...byLine.keys()].find((k) => Math.abs(k - y) <= 2) ?? y;
      byLine.set(key, [...(byLine.get(key) ?? []), { x: item.transform[4], width: item.width, text: item.str }]);
    }
    // Pieces of one word (ligatures such as "fi" come as pieces of their own) touch; words and cells have a gap.
    const joinLine = (items: { x: number; width: number; text: string }[]) =>
      items
        .sort((a, b) => a.x - b.x)
        .reduce((line, item, i, all) => (i > 0 && item.x - (all[i - 1].x + all[i - 1].width) > 1 ? `${line} ${item.text}` : line + item.text), "")
        .replace(/\s+/g, " ")
        .trim();
    const lines = [...byLine.entries()]
      .sort(([a], [b]) => b - a)
      .map(([, items]) => joinLine(items))
      .filter(Boolean);
    pages.push({ width, height, landscape: width > height, lines, text: lines.join("\n") });
    page.cleanup();
  }
  await doc.destroy();
  return pages;
}
