// Fuzz of every action, as every person: the valid forms of the route table
// (tests/support/route-table.ts) bent out of shape with a seeded generator
// (empty, oversized, wrong-typed and repeated fields, NUL and other control
// characters, right-to-left overrides, lone surrogates, piles of combining
// marks, emoji, markup and script, unknown and prototype-polluting field names,
// absurd list indexes, broken Conform control fields), and bodies that are not
// forms at all (JSON, plain text, no type, broken or file-carrying multipart,
// broken percent-encoding). Every answer must be a real answer (no thrown
// error, no 5xx), every refusal must say why in words, and afterwards nothing
// malformed may be stored: no control characters, no lone surrogates, no
// direction overrides, no oversized text.
//
// FUZZ_SEED=<n> repeats a run; the seed is printed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { skipDiskSyncs, storedTexts } from "../support/db-rows";
import { ROUTES, addressOf, type Access, type Fields } from "../support/route-table";
import { BASE, call, type RouteResult } from "../support/routes";
import { ROLES, world, type Role } from "../support/two-classes";

const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
/** Mutated forms per action intent for a person allowed to post it, and for each person refused. */
const FORMS_ALLOWED = 24;
const FORMS_REFUSED = 2;
/** Of the bodies that are not forms, how many each refused person sends per intent (the allowed person sends all). */
const ODD_BODIES_REFUSED = 2;

/** mulberry32: small, fast and the same everywhere. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (max: number) => Math.floor(next() * max),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
  };
}
type Random = ReturnType<typeof generator>;

/** Filler for oversized values: a run of it longer than any field's limit must never be stored. */
const FILL = "Ω";
const OVERSIZED = FILL.repeat(120_000);

const NASTY_VALUES: readonly string[] = [
  "",
  " ",
  "\t\r\n ",
  "0",
  "-1",
  "1e309",
  "NaN",
  "Infinity",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "[object Object]",
  "__proto__",
  "\u0000",
  "a\u0000b\u0000",
  "before\u0007\u001b[31mred\u007f",
  "\u202Egnp.exe\u202C safe",
  "\u2066isolated\u2069 \u202Dforced",
  "\uD800",
  "tail\uDFFF",
  "\uDBFF\uDBFF",
  `e${"\u0301\u0308\u0327".repeat(300)}`,
  "👩‍👩‍👧‍👦🏳️‍🌈🇬🇧".repeat(40),
  "مرحبا بالعالم — שלום עולם",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(document.cookie)",
  "'; DROP TABLE \"User\"; --",
  "{{7*7}} ${7*7} <%= 7*7 %>",
  "../../etc/passwd",
  "%00%2e%2e%2f",
  "x".repeat(5001),
  OVERSIZED,
];

/** Field names a form never has, some of them trying Conform's path syntax. */
const NASTY_NAMES: readonly string[] = [
  "__proto__[polluted]",
  "constructor[prototype][polluted]",
  "__proto__.polluted",
  "answers[__proto__][polluted]",
  "answers[99999999]",
  "options[99999999].text",
  "wrongValues[4294967295].value",
  "groupKeys[99999999]",
  "attemptIds[2147483647]",
  "a[b][c][d][e][f][g][h][i][j]",
  "",
  "\u0000",
  "intent[]",
];

const NASTY_CONTROLS: readonly string[] = ["{bad", '{"type":"validate"}', "insert/answers", '{"type":"insert","payload":{"name":"answers","index":99999999}}', '{"type":"remove","payload":{"name":"options","index":-1}}', "null"];

/** Short snippets slipped into valid values, so the form is still saved and what is stored can be checked. */
const SALT: readonly string[] = ["\u0000", "\u202E", "\u202D\u2066", "\uD800", "\uDC00", "\u0007\u001b", "\u007f", "e\u0301\u0308", "👩‍👩‍👧‍👦", "\u200F", "<script>alert(1)</script>", "\u0000\u202Eabc\uDBFF"];

/** One mutation of a valid form: a third of them keep it valid but salted. */
function mutate(random: Random, valid: Fields): Fields {
  const form: Fields = { ...valid };
  const names = Object.keys(form);
  const someName = () => (names.length ? random.pick(names) : "value");
  if (random.next() < 0.35) {
    for (const name of names) {
      const value = form[name];
      if (name === "intent" || typeof value !== "string" || random.next() < 0.3) continue;
      const at = random.int(value.length + 1);
      form[name] = value.slice(0, at) + random.pick(SALT) + value.slice(at);
    }
    return form;
  }
  switch (random.int(9)) {
    case 0: // one field replaced
      form[someName()] = random.pick(NASTY_VALUES);
      break;
    case 1: // every field replaced
      for (const name of names) form[name] = random.pick(NASTY_VALUES);
      break;
    case 2: // fields left out
      for (const name of names) if (random.next() < 0.6) delete form[name];
      break;
    case 3: // a field sent many times
      form[someName()] = Array.from({ length: 2 + random.int(60) }, () => random.pick(NASTY_VALUES.slice(0, 30)));
      break;
    case 4: // names no form has
      form[random.pick(NASTY_NAMES)] = random.pick(NASTY_VALUES.slice(0, 30));
      break;
    case 5: // Conform's control fields, broken
      form.__intent__ = random.pick(NASTY_CONTROLS);
      if (random.next() < 0.5) form.__state__ = random.pick(NASTY_CONTROLS);
      break;
    case 6: // a list field with an index no one types
      form[random.pick(NASTY_NAMES.slice(4, 9))] = "x";
      form[someName()] = random.pick(NASTY_VALUES);
      break;
    case 7: // the intent itself, wrong
      form.intent = random.pick([...NASTY_VALUES.slice(0, 30), "INTENT", " attempt", "attempt ", "delete\u0000"]);
      break;
    default: // several things at once
      form[someName()] = random.pick(NASTY_VALUES);
      form[random.pick(NASTY_NAMES)] = random.pick(NASTY_VALUES.slice(0, 30));
      form[someName()] = [random.pick(NASTY_VALUES), random.pick(NASTY_VALUES)];
  }
  return form;
}

function urlencoded(form: Fields): string {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(form)) for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
  return body.toString();
}

/** Bodies that are not well-formed forms, with the content type they claim. */
function oddBodies(random: Random, valid: Fields): { label: string; body: BodyInit | null; type: string | null }[] {
  const boundary = "----fuzz" + random.int(1e9);
  const validText = urlencoded(valid);
  return [
    { label: "JSON", body: JSON.stringify(valid), type: "application/json" },
    { label: "plain text", body: validText, type: "text/plain" },
    { label: "no content type", body: validText, type: null },
    { label: "XML", body: "<form><name>x</name></form>", type: "application/xml" },
    { label: "multipart without its boundary", body: `--${boundary}\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--${boundary}--\r\n`, type: "multipart/form-data" },
    { label: "multipart cut short", body: `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nhalf`, type: `multipart/form-data; boundary=${boundary}` },
    {
      label: "multipart with a file",
      body: `--${boundary}\r\nContent-Disposition: form-data; name="${Object.keys(valid)[0] ?? "name"}"; filename="x.txt"\r\nContent-Type: text/plain\r\n\r\nfile text\r\n--${boundary}--\r\n`,
      type: `multipart/form-data; boundary=${boundary}`,
    },
    { label: "broken percent-encoding", body: `${validText}&name=%E0%A4%A&title=%ED%A0%80%zz`, type: "application/x-www-form-urlencoded" },
    { label: "empty", body: null, type: "application/x-www-form-urlencoded" },
    { label: "ten thousand fields", body: Array.from({ length: 10_000 }, (_, i) => `f${i % 7}=${i}`).join("&"), type: "application/x-www-form-urlencoded" },
  ];
}

function request(pathname: string, body: BodyInit | null, type: string | null, cookie: string | undefined): Request {
  const headers: Record<string, string> = {};
  if (type) headers["Content-Type"] = type;
  if (cookie) headers.Cookie = cookie;
  return new Request(BASE + pathname, { method: "POST", body, headers });
}

/** The words a refusal gives: messages of a Conform reply or an action result, or the text of a thrown response. */
function messagesIn(data: unknown): string[] {
  if (typeof data === "string") return [data];
  const found: string[] = [];
  const walk = (value: unknown, key: string, inError: boolean) => {
    if (typeof value === "string") {
      if (inError || key === "message") found.push(value);
    } else if (Array.isArray(value)) {
      for (const item of value) walk(item, key, inError);
    } else if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) walk(v, k, inError || k === "error" || k === "formErrors");
    }
  };
  walk(data, "", false);
  return found;
}

const counts = { requests: 0, oddBodies: 0, statuses: new Map<number, number>(), slowest: { ms: 0, what: "" } };
const problems: string[] = [];
beforeAll(skipDiskSyncs);
afterAll(() => {
  const statuses = [...counts.statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`).join(", ");
  console.info(
    `[fuzz] seed ${SEED}: ${counts.requests} requests to ${Object.values(ROUTES).filter((r) => r.intents).length} actions (${counts.oddBodies} with bodies that are not forms), as ${ROLES.length} people. Statuses: ${statuses}. 5xx and thrown errors: ${[...counts.statuses].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0)}. Slowest: ${counts.slowest.ms.toFixed(0)} ms (${counts.slowest.what}).`,
  );
});

async function send(action: unknown, req: Request, params: Record<string, string>, what: string): Promise<void> {
  counts.requests++;
  const started = performance.now();
  let res: RouteResult;
  try {
    res = await call(action, req, params);
  } catch (error) {
    counts.statuses.set(500, (counts.statuses.get(500) ?? 0) + 1);
    problems.push(`${what}: threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`.slice(0, 400));
    return;
  }
  const ms = performance.now() - started;
  if (ms > counts.slowest.ms) counts.slowest = { ms, what };
  if (ms > 3000) problems.push(`${what}: took ${ms.toFixed(0)} ms`);
  counts.statuses.set(res.status, (counts.statuses.get(res.status) ?? 0) + 1);
  if (res.status >= 500) problems.push(`${what}: answered ${res.status} ${JSON.stringify(res.data).slice(0, 200)}`);
  else if (res.status >= 400 && !messagesIn(res.data).some((m) => /\p{L}+ \p{L}+/u.test(m))) {
    problems.push(`${what}: refused with ${res.status} but no message: ${JSON.stringify(res.data).slice(0, 200)}`);
  }
}

/** Who may post, by the route's access (the others are refused before their form is read). */
const MAY_POST: Record<Access, Role[]> = {
  anyone: ROLES,
  "signed-in": ["student", "outsider", "owner", "otherTeacher", "admin"],
  "signed-out": ["anonymous"],
  "to-start": [],
  teacher: ["owner", "otherTeacher"],
  student: ["student", "outsider"],
  "class-teacher": ["owner"],
  "class-student": ["student"],
  "site-admin": ["admin"],
  "lti-platform": ROLES,
};

const actionRoutes = Object.entries(ROUTES).filter(([, entry]) => entry.intents);
const modules = import.meta.glob<{ action?: unknown }>("../../app/routes/*.{ts,tsx}", { eager: true });
const moduleOf = (routeId: string) => modules[`../../app/routes/${routeId}.tsx`] ?? modules[`../../app/routes/${routeId}.ts`];

describe("fuzzed forms and bodies", () => {
  it.each(actionRoutes.map(([id]) => id))("%s: no 5xx, no thrown error, a message with every refusal", async (routeId) => {
    const entry = ROUTES[routeId];
    const random = generator(SEED + [...routeId].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 0));
    const w = await world();
    const mod = moduleOf(routeId);
    const before = problems.length;
    for (const role of ROLES) {
      const own = w[role === "outsider" || role === "otherTeacher" ? "b" : "a"];
      const address = addressOf(routeId, w.a.ids);
      const allowed = MAY_POST[entry.action!].includes(role);
      for (const [intent, body] of Object.entries(entry.intents!)) {
        const valid: Fields = intent ? { intent, ...body(own.ids, own) } : body(own.ids, own);
        const forms = allowed ? FORMS_ALLOWED : FORMS_REFUSED;
        for (let i = 0; i < forms; i++) {
          const form = mutate(random, valid);
          await send(mod.action, request(address.path, urlencoded(form), "application/x-www-form-urlencoded", w.cookies[role]), address.params, `${role} ${intent || "(form)"} ${JSON.stringify(form).slice(0, 160)}`);
        }
        const odd = oddBodies(random, valid);
        for (const body of allowed ? odd : Array.from({ length: ODD_BODIES_REFUSED }, () => random.pick(odd))) {
          counts.oddBodies++;
          await send(mod.action, request(address.path, body.body, body.type, w.cookies[role]), address.params, `${role} ${intent || "(form)"} ${body.label}`);
        }
      }
    }
    expect(problems.slice(before)).toEqual([]);
  }, 120_000);

  it("stored nothing malformed: no control characters, lone surrogates, direction overrides or oversized text", () => {
    const bad: string[] = [];
    const longFill = FILL.repeat(5001);
    for (const { key, column, value } of storedTexts()) {
      const why = [
        // eslint-disable-next-line no-control-regex -- finding control characters is the point
        /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value) && "a control character",
        /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value) && "a lone surrogate",
        /[\u202A-\u202E\u2066-\u2069]/.test(value) && "a direction override",
        value.includes(longFill) && "more than 5,000 characters of one field",
      ].filter(Boolean);
      if (why.length) bad.push(`${key}.${column}: ${why.join(", ")}: ${JSON.stringify(value.slice(0, 80))}`);
    }
    expect(bad).toEqual([]);
  });

  it("polluted no prototype", () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });
});
