// A project's checkpoints as a QTI 3.0 content package (decision 022): a zip
// with imsmanifest.xml, one item per checkpoint (items/checkpoint-N.xml), the
// pictures the questions show (images/N.png …) and a README.txt. A multiple-
// choice checkpoint is a qti-choice-interaction (one or several right choices,
// feedback inline per choice); a numeric one a qti-text-entry-interaction of
// base type float, right within an absolute tolerance, with the unit after
// the box and each wrong value's feedback as modal feedback; a short answer a
// text entry whose correct response is the model answer. QTI has no place for
// misconceptions, re-checks, reflection prompts, attempt limits (they belong
// to a test, not an item) or values on the way: the README and a comment in
// each item say so. Written with fast-xml-parser's XMLBuilder, zipped with
// fflate. Pure.
import { XMLBuilder } from "fast-xml-parser";
import { zipSync, strToU8 } from "fflate";
import type { CheckpointSpec } from "~/domain/checkpoint-spec";
import { richSegments } from "~/domain/rich-text";
import { IMAGE_EXTENSIONS, linkImages, misconceptionNames, type ProjectSnapshot } from "./snapshot";

type XNode = Record<string, unknown>;
const el = (name: string, attrs: Record<string, string | number> = {}, children: XNode[] = []): XNode => ({
  [name]: children,
  ...(Object.keys(attrs).length ? { ":@": Object.fromEntries(Object.entries(attrs).map(([k, v]) => [`@_${k}`, String(v)])) } : {}),
});
const text = (t: string): XNode => ({ "#text": t });
const xmlComment = (t: string): XNode => ({ "#comment": [{ "#text": ` ${t.replace(/--+/g, "—")} ` }] });

// No pretty-printing: spaces and new lines inside the question's markup would change its text.
const builder = new XMLBuilder({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: "@_", format: false, suppressEmptyNode: true, commentPropName: "#comment" });
const declaration: XNode = { "?xml": [{ "#text": "" }], ":@": { "@_version": "1.0", "@_encoding": "UTF-8" } };
const build = (root: XNode) => builder.build([declaration, root]) as string;

const QTI_NS = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0";
const CP_NS = "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1";

export const QTI_LEAVES_OUT = "misconceptions and which wrong answer shows which, re-checks, reflection prompts, attempt limits and values on the way";

type ImageSrc = (ref: string) => string | null;

/** Rich text (maths kept as TeX between \( \), pictures as <img>) as inline nodes: lines joined by <br/>. */
function inline(value: string, imageSrc: ImageSrc): XNode[] {
  const nodes: XNode[] = [];
  for (const segment of richSegments(value)) {
    if (segment.type === "image") {
      const src = segment.ref ? imageSrc(segment.ref) : null;
      nodes.push(src ? el("img", { src, alt: segment.alt }) : text(`![${segment.alt}]()`));
      continue;
    }
    const raw = segment.type === "math" ? (segment.display ? `\\[${segment.tex}\\]` : `\\(${segment.tex}\\)`) : segment.text;
    raw.split("\n").forEach((line, i) => {
      if (i > 0) nodes.push(el("br"));
      if (line) nodes.push(text(line));
    });
  }
  return nodes;
}

/** A question's text as paragraphs (a blank line starts a new one). */
function paragraphs(value: string, imageSrc: ImageSrc): XNode[] {
  return value
    .split(/\n{2,}/)
    .filter((p) => p.trim())
    .map((p) => el("p", {}, inline(p, imageSrc)));
}

const setOutcome = (identifier: string, value: XNode) => el("qti-set-outcome-value", { identifier }, [value]);
const baseValue = (baseType: string, value: string | number) => el("qti-base-value", { "base-type": baseType }, [text(String(value))]);
const scoreOne = setOutcome("SCORE", baseValue("float", 1));
const variable = el("qti-variable", { identifier: "RESPONSE" });
const outcome = (identifier: string, cardinality: string, baseType: string, initial?: string) =>
  el("qti-outcome-declaration", { identifier, cardinality, "base-type": baseType }, initial === undefined ? [] : [el("qti-default-value", {}, [el("qti-value", {}, [text(initial)])])]);

function itemXml(index: number, title: string, prompt: string, spec: CheckpointSpec, imageSrc: ImageSrc, leftOut: string[]): string {
  const identifier = `checkpoint-${index + 1}`;
  const declarations: XNode[] = [];
  const body: XNode[] = paragraphs(prompt, imageSrc);
  const processing: XNode[] = [];
  const modal: XNode[] = [];
  if (spec.kind === "MULTIPLE_CHOICE") {
    const ids = spec.options.map((_, i) => String.fromCharCode(65 + i));
    const several = spec.options.filter((o) => o.correct).length > 1;
    declarations.push(
      el("qti-response-declaration", { identifier: "RESPONSE", cardinality: several ? "multiple" : "single", "base-type": "identifier" }, [
        el("qti-correct-response", {}, spec.options.flatMap((o, i) => (o.correct ? [el("qti-value", {}, [text(ids[i])])] : []))),
      ]),
      outcome("SCORE", "single", "float", "0"),
      outcome("FEEDBACK", "multiple", "identifier"),
    );
    body.push(
      el(
        "qti-choice-interaction",
        { "response-identifier": "RESPONSE", shuffle: "false", "max-choices": several ? 0 : 1 },
        spec.options.map((o, i) =>
          el("qti-simple-choice", { identifier: ids[i] }, [
            ...inline(o.text, imageSrc),
            ...(o.feedback ? [el("qti-feedback-inline", { "outcome-identifier": "FEEDBACK", identifier: ids[i], "show-hide": "show" }, inline(o.feedback, imageSrc))] : []),
          ]),
        ),
      ),
    );
    processing.push(
      el("qti-response-condition", {}, [el("qti-response-if", {}, [el("qti-match", {}, [variable, el("qti-correct", { identifier: "RESPONSE" })]), scoreOne])]),
      setOutcome("FEEDBACK", el("qti-multiple", {}, [variable])),
    );
  } else {
    const numeric = spec.kind === "NUMERIC";
    declarations.push(
      el("qti-response-declaration", { identifier: "RESPONSE", cardinality: "single", "base-type": numeric ? "float" : "string" }, [
        el("qti-correct-response", {}, [el("qti-value", {}, [text(numeric ? String(spec.answer) : spec.modelAnswer || "—")])]),
      ]),
      outcome("SCORE", "single", "float", "0"),
      outcome("FEEDBACK", "single", "identifier"),
    );
    const box = el("qti-text-entry-interaction", { "response-identifier": "RESPONSE" });
    body.push(el("p", {}, numeric && spec.unit ? [box, text(` ${spec.unit}`)] : [box]));
    if (numeric) {
      const tolerance = `${spec.tolerance} ${spec.tolerance}`;
      const near = (other: XNode) => el("qti-equal", { "tolerance-mode": "absolute", tolerance }, [variable, other]);
      processing.push(
        el("qti-response-condition", {}, [
          el("qti-response-if", {}, [near(el("qti-correct", { identifier: "RESPONSE" })), scoreOne]),
          ...spec.wrongValues.flatMap((w, i) =>
            w.feedback ? [el("qti-response-else-if", {}, [near(baseValue("float", w.value)), setOutcome("FEEDBACK", baseValue("identifier", `WRONG-${i + 1}`))])] : [],
          ),
        ]),
      );
      spec.wrongValues.forEach((w, i) => {
        if (w.feedback) modal.push(el("qti-modal-feedback", { "outcome-identifier": "FEEDBACK", identifier: `WRONG-${i + 1}`, "show-hide": "show" }, [el("qti-content-body", {}, paragraphs(w.feedback, imageSrc))]));
      });
    } else {
      processing.push(el("qti-response-condition", {}, [el("qti-response-if", {}, [el("qti-match", {}, [variable, el("qti-correct", { identifier: "RESPONSE" })]), scoreOne])]));
    }
  }
  const root = el("qti-assessment-item", { xmlns: QTI_NS, identifier, title, adaptive: "false", "time-dependent": "false", "xml:lang": "en" }, [
    ...(leftOut.length ? [xmlComment(`Not carried by QTI: ${leftOut.join("; ")}.`)] : []),
    ...declarations,
    el("qti-item-body", {}, body),
    el("qti-response-processing", {}, processing),
    ...modal,
  ]);
  return build(root);
}

export function qtiReadme(snapshot: ProjectSnapshot): string {
  return [
    `${snapshot.title}: the checkpoints of a Rebound project, as a QTI 3.0 content package.`,
    "",
    "imsmanifest.xml lists one item per checkpoint (items/checkpoint-N.xml), in the project's order, and the pictures they show (images/).",
    "Multiple choice: qti-choice-interaction, with feedback per choice. Numbers: qti-text-entry-interaction (float), right within an absolute tolerance, the unit after the box, feedback on known wrong values. Short answers: qti-text-entry-interaction (string) whose correct response is the model answer; Rebound lets students compare their answer with it, a QTI player marks only an exact match.",
    "Maths is written as TeX between \\( \\) or \\[ \\].",
    "",
    `QTI cannot carry: ${QTI_LEAVES_OUT}. Each item names what it left out in a comment.`,
    "For everything, export the Rebound project file (.json) instead.",
    "",
  ].join("\n");
}

/** The package as zip bytes. */
export function toQtiPackage(snapshot: ProjectSnapshot): Uint8Array {
  const { images, keyOf } = linkImages(snapshot);
  const imagePath = (key: string) => `images/${key}.${IMAGE_EXTENSIONS[images.find((i) => i.key === key)!.mime]}`;
  const imageSrc: ImageSrc = (ref) => {
    const key = keyOf(ref);
    return key ? `../${imagePath(key)}` : null;
  };
  const names = misconceptionNames(snapshot);
  const files: Record<string, Uint8Array> = {};
  const resources: XNode[] = [];
  snapshot.checkpoints.forEach((c, i) => {
    const spec = c.spec;
    const mapped = spec.kind === "MULTIPLE_CHOICE" ? spec.options.flatMap((o, k) => (o.misconceptionId && names.has(o.misconceptionId) ? [`${String.fromCharCode(65 + k)} → ${names.get(o.misconceptionId)}`] : [])) : spec.kind === "NUMERIC" ? spec.wrongValues.flatMap((w) => (w.misconceptionId && names.has(w.misconceptionId) ? [`${w.value} → ${names.get(w.misconceptionId)}`] : [])) : [];
    const leftOut = [
      mapped.length ? `misconceptions (${mapped.join("; ")})` : "",
      c.maxAttempts ? `at most ${c.maxAttempts} attempts` : "",
      spec.kind === "NUMERIC" && spec.intermediateValues.length ? `values on the way (${spec.intermediateValues.map((v) => `${v.value}: ${v.label}`).join("; ")})` : "",
      c.recheckOf.length ? `re-checks ${c.recheckOf.map((id) => names.get(id)).filter(Boolean).join("; ")}` : "",
    ].filter(Boolean);
    const path = `items/checkpoint-${i + 1}.xml`;
    files[path] = strToU8(itemXml(i, c.title, c.prompt, spec, imageSrc, leftOut));
    const shown = images.filter((img) => [c.prompt, ...(spec.kind === "MULTIPLE_CHOICE" ? spec.options.map((o) => o.text) : [])].some((t) => richSegments(t).some((s) => s.type === "image" && s.ref && keyOf(s.ref) === img.key)));
    resources.push(
      el("resource", { identifier: `checkpoint-${i + 1}`, type: "imsqti_item_xmlv3p0", href: path }, [
        el("file", { href: path }),
        ...shown.map((img) => el("dependency", { identifierref: `image-${img.key}` })),
      ]),
    );
  });
  for (const image of images) {
    files[imagePath(image.key)] = image.data;
    resources.push(el("resource", { identifier: `image-${image.key}`, type: "webcontent", href: imagePath(image.key) }, [el("file", { href: imagePath(image.key) })]));
  }
  const manifest = el("manifest", { xmlns: CP_NS, identifier: "rebound-project" }, [
    el("metadata", {}, [el("schema", {}, [text("QTI Package")]), el("schemaversion", {}, [text("3.0.0")])]),
    el("organizations"),
    el("resources", {}, resources),
  ]);
  files["imsmanifest.xml"] = strToU8(build(manifest));
  files["README.txt"] = strToU8(qtiReadme(snapshot));
  // A fixed date inside the zip: the same project gives the same bytes.
  return zipSync(files, { mtime: new Date("2026-01-01T00:00:00Z") });
}
