// A small element tree over fast-xml-parser, for the Moodle XML and QTI
// readers: namespace prefixes dropped, attributes as strings, text and CDATA
// as text nodes, document order kept. Documents that declare their own
// entities are refused (an entity can expand a small file into gigabytes).
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { ImportFileError } from "./types";

export interface XElement {
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
}
export type XNode = XElement | { text: string };

export const isElement = (node: XNode): node is XElement => "name" in node;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  removeNSPrefix: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: false,
  commentPropName: "#comment",
});

type Raw = Record<string, unknown>;

function convert(list: Raw[]): XNode[] {
  const out: XNode[] = [];
  for (const entry of list) {
    const attrs = (entry[":@"] as Record<string, unknown> | undefined) ?? {};
    for (const [key, value] of Object.entries(entry)) {
      if (key === ":@" || key === "#comment" || key.startsWith("?")) continue;
      if (key === "#text") {
        out.push({ text: String(value) });
        continue;
      }
      out.push({
        name: key,
        attrs: Object.fromEntries(Object.entries(attrs).map(([k, v]) => [k, String(v)])),
        children: convert(Array.isArray(value) ? (value as Raw[]) : []),
      });
    }
  }
  return out;
}

/** The document's root element; throws ImportFileError with the line for anything that is not well-formed XML. */
export function parseXml(source: string, where: string): XElement {
  const xml = source.replace(/^\uFEFF/, "");
  if (/<!ENTITY/i.test(xml)) throw new ImportFileError(where, `${where} declares its own XML entities, which Rebound does not read. Export it again without them.`);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new ImportFileError(`${where}, line ${valid.err.line}`, `${where} is not well-formed XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`);
  }
  const root = convert(parser.parse(xml) as Raw[]).find(isElement);
  if (!root) throw new ImportFileError(where, `${where} holds no XML element.`);
  return root;
}

/** Child elements with this name (after namespace prefixes are dropped). */
export function childrenNamed(el: XElement, name: string): XElement[] {
  return el.children.filter((c): c is XElement => isElement(c) && c.name === name);
}

export function child(el: XElement | undefined, name: string): XElement | undefined {
  return el ? childrenNamed(el, name)[0] : undefined;
}

/** Every element below (depth first, in document order) with this name. */
export function descendants(el: XElement, name: string): XElement[] {
  const found: XElement[] = [];
  const walk = (node: XElement) => {
    for (const c of node.children) {
      if (!isElement(c)) continue;
      if (c.name === name) found.push(c);
      walk(c);
    }
  };
  walk(el);
  return found;
}

/** The text inside an element, every level joined. */
export function textOf(el: XElement | undefined): string {
  if (!el) return "";
  return el.children.map((c) => (isElement(c) ? textOf(c) : c.text)).join("");
}

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The element's content written back as markup (for HTML inside XML), with `replace` deciding about elements first. */
export function innerMarkup(el: XElement, replace: (el: XElement) => string | null = () => null): string {
  return el.children
    .map((c) => {
      if (!isElement(c)) return escape(c.text);
      const replaced = replace(c);
      if (replaced !== null) return replaced;
      const attrs = Object.entries(c.attrs)
        .map(([k, v]) => ` ${k}="${escape(v)}"`)
        .join("");
      return `<${c.name}${attrs}>${innerMarkup(c, replace)}</${c.name}>`;
    })
    .join("");
}
