// Pictures carried by an import: recognised by their first bytes (never by a
// name or a declared type), PNG, JPEG, GIF or WebP only (no SVG: it can carry
// scripts), each and all together within the limits. Pure.
import { IMPORT_LIMITS, kb, mb } from "./limits";
import type { ImageMime, ImportedImage } from "./types";

export function sniffImage(data: Uint8Array): ImageMime | null {
  const starts = (...bytes: number[]) => bytes.every((b, i) => data[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  if (starts(0x47, 0x49, 0x46, 0x38)) return "image/gif";
  if (starts(0x52, 0x49, 0x46, 0x46) && data[8] === 0x57 && data[9] === 0x45 && data[10] === 0x42 && data[11] === 0x50) return "image/webp";
  return null;
}

/** Collects an import's images; says why one was left out. */
export class ImageBox {
  readonly images: ImportedImage[] = [];
  private total = 0;
  private byKey = new Map<string, string>();

  /** The key to refer to the image by, or the reason it was left out. */
  add(name: string, data: Uint8Array): { key: string } | { why: string } {
    const known = this.byKey.get(name);
    if (known) return { key: known };
    const mime = sniffImage(data);
    if (!mime) return { why: `The picture “${name}” is not a PNG, JPEG, GIF or WebP image, so it was left out.` };
    if (data.byteLength > IMPORT_LIMITS.imageBytes) return { why: `The picture “${name}” is ${kb(data.byteLength)}, over the ${kb(IMPORT_LIMITS.imageBytes)} a picture may have, so it was left out.` };
    if (this.total + data.byteLength > IMPORT_LIMITS.imagesBytes) return { why: `The picture “${name}” was left out: the import's pictures together would be over ${mb(IMPORT_LIMITS.imagesBytes)}.` };
    const key = String(this.images.length + 1);
    this.images.push({ key, mime, data });
    this.total += data.byteLength;
    this.byKey.set(name, key);
    return { key };
  }
}

/** Base64 to bytes (Moodle XML's file elements, data: addresses); null when it is not base64. */
export function fromBase64(text: string): Uint8Array | null {
  const clean = text.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return null;
  return Uint8Array.from(atob(clean), (c) => c.charCodeAt(0));
}
