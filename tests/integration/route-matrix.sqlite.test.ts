// The route × role matrix, generated from the route files: every loader and
// every action intent of every file in app/routes, as each of five people
// (signed out; a student in class A; a student of class B, outside A; A's
// teacher; B's teacher), against class A's records. Then, as the person
// allowed, with each id of A swapped for B's one at a time, in the address,
// the query string and the form. Each answer must be the expected one (allowed,
// sent to log in, 403, 404), must never hold the other class's marker text, and
// a refused or swapped request must not touch another class's rows.
//
// Every loader cell and every refused action cell is sent again through Remix's
// own request handler on the paths it answers itself, `.data` (single fetch)
// and `?_data=<route id>`, with the same expectations.
//
// A route file without an entry in tests/support/route-table.ts fails here.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as attemptSchemas from "~/schemas/attempt";
import { GROUP_INTENTS } from "~/schemas/answer-groups";
import * as journalSchemas from "~/schemas/journal";
import * as misconceptionSchemas from "~/schemas/misconception";
import { changedRows, skipDiskSyncs, snapshotRows, type RowChange } from "../support/db-rows";
import { ROUTES, addressOf, type Access, type Fields } from "../support/route-table";
import { handlerErrors, remixHandle, remixRouteId } from "../support/remix-handler";
import { BASE, call, get, post, type RouteResult } from "../support/routes";
import { ROLES, world, type ClassWorld, type RecordIds, type Role, type World } from "../support/two-classes";

type RouteModule = { loader?: unknown; action?: unknown };
const modules = import.meta.glob<RouteModule>("../../app/routes/*.{ts,tsx}", { eager: true });
const routeFiles = Object.keys(modules).sort();
const routeIdOf = (file: string) => path.basename(file).replace(/\.tsx?$/, "");
const routeIds = routeFiles.map(routeIdOf);

type Outcome = "ok" | "login" | "forbidden" | "not-found" | "home" | "start" | "bad-request";

/** What each person gets, by who may use the route. */
const EXPECTED: Record<Access, Record<Role, Outcome>> = {
  "signed-in": { anonymous: "login", student: "ok", outsider: "ok", owner: "ok", otherTeacher: "ok", admin: "ok" },
  "signed-out": { anonymous: "ok", student: "home", outsider: "home", owner: "home", otherTeacher: "home", admin: "home" },
  anyone: { anonymous: "ok", student: "ok", outsider: "ok", owner: "ok", otherTeacher: "ok", admin: "ok" },
  "to-start": { anonymous: "start", student: "start", outsider: "start", owner: "start", otherTeacher: "start", admin: "start" },
  teacher: { anonymous: "login", student: "forbidden", outsider: "forbidden", owner: "ok", otherTeacher: "ok", admin: "forbidden" },
  student: { anonymous: "login", student: "ok", outsider: "ok", owner: "forbidden", otherTeacher: "forbidden", admin: "forbidden" },
  "class-teacher": { anonymous: "login", student: "forbidden", outsider: "forbidden", owner: "ok", otherTeacher: "not-found", admin: "forbidden" },
  "class-student": { anonymous: "login", student: "ok", outsider: "not-found", owner: "forbidden", otherTeacher: "forbidden", admin: "forbidden" },
  "site-admin": { anonymous: "login", student: "forbidden", outsider: "forbidden", owner: "forbidden", otherTeacher: "forbidden", admin: "ok" },
  // Only a registered LMS's signed messages get in (decision 023); the table's request carries none, so everyone gets 400.
  "lti-platform": { anonymous: "bad-request", student: "bad-request", outsider: "bad-request", owner: "bad-request", otherTeacher: "bad-request", admin: "bad-request" },
};

/** The person who may use a route of this kind, who also tries B's ids. */
const SWAPPER: Partial<Record<Access, Role>> = { teacher: "owner", student: "student", "class-teacher": "owner", "class-student": "student" };
/** Each person's own class, and the class whose data they must never get. */
const OWN: Record<Role, "a" | "b"> = { anonymous: "a", student: "a", owner: "a", outsider: "b", otherTeacher: "b", admin: "a" };
/** A site administrator sees no class's data (their platform ids are A's only to name one in an address). */
const NOT_THEIRS: Record<Role, ("a" | "b")[]> = { anonymous: ["a", "b"], student: ["b"], owner: ["b"], outsider: ["a"], otherTeacher: ["a"], admin: ["a", "b"] };

beforeAll(skipDiskSyncs);

/** The form an intent posts: its body, with the intent named unless it is the route's only form. */
const formFor = (intent: string, fields: Fields): Fields => (intent ? { intent, ...fields } : fields);

// Counts for the closing note: requests, and answers by status.
const counts = { requests: 0, loaders: 0, actions: 0, swapped: 0, dataPaths: 0, statuses: new Map<number, number>() };
afterAll(() => {
  const statuses = [...counts.statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`).join(", ");
  console.info(
    `[route matrix] ${routeIds.length} route files, ${counts.requests} requests (${counts.loaders} to loaders, ${counts.actions} to actions; ${counts.swapped} with another class's id swapped in; ${counts.dataPaths} of them through Remix's handler on .data and ?_data= paths). Statuses: ${statuses}.`,
  );
});

function isRedirect(res: RouteResult) {
  return res.status >= 300 && res.status < 400;
}

function matches(expected: Outcome, res: RouteResult, kind: "loader" | "action"): boolean {
  const to = res.location ?? "";
  switch (expected) {
    case "ok":
      return kind === "loader" ? res.status === 200 : res.status < 400 && !to.startsWith("/login?redirectTo=");
    case "login":
      return isRedirect(res) && to.startsWith("/login?redirectTo=");
    case "forbidden":
      return res.status === 403;
    case "not-found":
      return res.status === 404;
    case "home":
      return isRedirect(res) && (to === "/teach" || to === "/learn" || to === "/admin/lti");
    case "bad-request":
      return res.status === 400;
    case "start":
      return isRedirect(res) && to === "/";
  }
}

const describeAnswer = (res: RouteResult) => `${res.status}${res.location ? ` → ${res.location}` : ""}: ${JSON.stringify(res.data)?.slice(0, 160)}`;

/** The markers of classes this person must never see, found in an answer. */
function leakedMarkers(res: RouteResult, role: Role, w: World): string[] {
  const text = `${typeof res.data === "string" ? res.data : JSON.stringify(res.data)} ${res.location ?? ""}`;
  return NOT_THEIRS[role].map((c) => w[c].marker).filter((marker) => text.includes(marker));
}

/** Every id and the marker of a class: a row holding any of them is that class's. */
function fingerprints(c: ClassWorld): string[] {
  return [c.marker, c.teacher.id, c.student.id, c.classmate.id, ...Object.values(c.ids).map((id) => id.replace(/^g:/, ""))];
}

function touching(changes: RowChange[], c: ClassWorld): RowChange[] {
  const needles = fingerprints(c);
  return changes.filter((change) => needles.some((n) => change.before?.includes(n) || change.after?.includes(n)));
}

async function send(kind: "loader" | "action", fn: unknown, request: Request, params: Record<string, string>): Promise<RouteResult | Error> {
  counts.requests++;
  counts[kind === "loader" ? "loaders" : "actions"]++;
  try {
    const res = await call(fn, request, params);
    counts.statuses.set(res.status, (counts.statuses.get(res.status) ?? 0) + 1);
    return res;
  } catch (error) {
    counts.statuses.set(500, (counts.statuses.get(500) ?? 0) + 1);
    return error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * The same request on Remix's data paths: `<path>.data` (single fetch; `?index`
 * for an index route's action) and `<path>?_data=<route id>`.
 */
function dataPathRequests(routeId: string, pathname: string, query: Record<string, string> | undefined, cookie: string | undefined, form?: Fields): { label: string; request: Request }[] {
  const index: Record<string, string> = routeId.endsWith("_index") && form ? { index: "" } : {};
  const dataUrl = `${pathname === "/" ? "/_root" : pathname}.data`;
  const init = (): RequestInit => {
    const headers: Record<string, string> = cookie ? { Cookie: cookie } : {};
    if (!form) return { headers };
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    return { method: "POST", body, headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" } };
  };
  const search = (extra: Record<string, string>) => {
    const params = new URLSearchParams({ ...query, ...extra });
    return params.size ? `?${params}`.replace(/index=(&|$)/, "index$1") : "";
  };
  return [
    { label: ".data", request: new Request(`${BASE}${dataUrl}${search(index)}`, init()) },
    { label: "?_data=", request: new Request(`${BASE}${pathname}${search({ ...index, _data: remixRouteId(routeId) })}`, init()) },
  ];
}

/** Remix's answer on a data path, read like a loader's or action's own. */
async function sendThroughRemix(request: Request): Promise<RouteResult> {
  counts.requests++;
  counts.dataPaths++;
  const res = await remixHandle(request);
  const location = res.headers.get("X-Remix-Redirect") ?? (res.status === 202 ? res.headers.get("Location") : null);
  const status = location ? 302 : res.status;
  counts.statuses.set(status, (counts.statuses.get(status) ?? 0) + 1);
  return { status, location, data: await res.text(), headers: res.headers };
}

const withQuery = (pathname: string, query: Record<string, string> | undefined) =>
  query && Object.keys(query).length ? `${pathname}?${new URLSearchParams(query)}` : pathname;

/** The same ids with one of them swapped for the other class's. */
function swapOne(own: RecordIds, other: RecordIds, key: keyof RecordIds): RecordIds {
  return { ...own, [key]: other[key] };
}

// ---------------------------------------------------------------------------
// Intents the action's code understands, found in its source: literals compared
// with `intent`, `case` labels, and the schema constants it names.

const INTENT_CONSTANTS: Record<string, string> = Object.fromEntries(
  [attemptSchemas, journalSchemas, misconceptionSchemas].flatMap((m) => Object.entries(m).filter(([name, v]) => name.endsWith("_INTENT") && typeof v === "string")) as [
    string,
    string,
  ][],
);

function intentsInSource(file: string): string[] {
  const source = readFileSync(path.resolve(import.meta.dirname, file), "utf8");
  const start = source.indexOf("export async function action");
  if (start < 0) return [];
  const rest = source.slice(start + 1);
  const end = rest.search(/\nexport (default )?(async )?function /);
  const body = end < 0 ? rest : rest.slice(0, end);
  const found = new Set<string>();
  for (const m of body.matchAll(/intent\s*===\s*"([\w-]+)"|case\s+"([\w-]+)"\s*:/g)) found.add(m[1] ?? m[2]);
  for (const m of body.matchAll(/intent\s*===\s*([A-Z][A-Z_]+)\b|case\s+([A-Z][A-Z_]+)\s*:/g)) {
    const value = INTENT_CONSTANTS[m[1] ?? m[2]];
    if (value) found.add(value);
  }
  for (const m of body.matchAll(/GROUP_INTENTS\.(\w+)/g)) {
    const value = (GROUP_INTENTS as Record<string, string>)[m[1]];
    if (value) found.add(value);
  }
  return [...found].sort();
}

// ---------------------------------------------------------------------------

describe("the route table", () => {
  it("has an entry for every route file, and every entry has its file", () => {
    const missing = routeIds.filter((id) => !ROUTES[id]);
    expect(
      missing,
      `These route files have no entry in ROUTES (tests/support/route-table.ts): ${missing.join(", ")}. Add one line each: who may read it (loader), who may post to it (action) and a body for each intent.`,
    ).toEqual([]);
    const stale = Object.keys(ROUTES).filter((id) => !routeIds.includes(id));
    expect(stale, `ROUTES has entries for route files that no longer exist: ${stale.join(", ")}`).toEqual([]);
  });

  it("says who may use each loader and action the route file exports, and declares every intent its action understands", () => {
    const problems: string[] = [];
    for (const file of routeFiles) {
      const id = routeIdOf(file);
      const entry = ROUTES[id];
      if (!entry) continue;
      const mod = modules[file];
      if (Boolean(mod.loader) !== Boolean(entry.loader)) problems.push(`${id}: the file ${mod.loader ? "has" : "has no"} loader, the table ${entry.loader ? "says who may read it" : "doesn't say who may read it"}`);
      if (Boolean(mod.action) !== Boolean(entry.action)) problems.push(`${id}: the file ${mod.action ? "has" : "has no"} action, the table ${entry.action ? "says who may post" : "doesn't say who may post"}`);
      if (mod.action && !entry.intents) problems.push(`${id}: declare the intents of its action (with "" for a single form)`);
      const declared = Object.keys(entry.intents ?? {});
      for (const intent of intentsInSource(file)) {
        if (!declared.includes(intent)) problems.push(`${id}: its action understands intent "${intent}", which has no body in the table`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe.each(routeIds.filter((id) => ROUTES[id]))("%s", (routeId) => {
  const entry = ROUTES[routeId];
  const mod = modules[routeFiles[routeIds.indexOf(routeId)]];
  // One world for the requests that must change nothing of another class; each allowed intent gets a fresh one.
  let shared: Promise<World> | undefined;
  const sharedWorld = () => (shared ??= world());

  if (entry.loader) {
    const access = entry.loader;
    it(`loader: ${Object.entries(EXPECTED[access]).map(([r, o]) => `${r} ${o}`).join(", ")}; another class's ids find nothing`, async () => {
      const w = await sharedWorld();
      const problems: string[] = [];
      const address = addressOf(routeId, w.a.ids);
      for (const role of ROLES) {
        const res = await send("loader", mod.loader, get(withQuery(address.path, entry.query?.(w.a.ids)), w.cookies[role]), address.params);
        if (res instanceof Error) {
          problems.push(`${role}: threw ${res.message}`);
          continue;
        }
        if (!matches(EXPECTED[access][role], res, "loader")) problems.push(`${role}: expected ${EXPECTED[access][role]}, got ${describeAnswer(res)}`);
        const leaked = leakedMarkers(res, role, w);
        if (leaked.length) problems.push(`${role}: the answer holds ${leaked.join(", ")}`);
        for (const { label, request } of dataPathRequests(routeId, address.path, entry.query?.(w.a.ids), w.cookies[role])) {
          const viaRemix = await sendThroughRemix(request);
          if (!matches(EXPECTED[access][role], viaRemix, "loader")) problems.push(`${role} on ${label}: expected ${EXPECTED[access][role]}, got ${describeAnswer(viaRemix)}`);
          const leakedViaRemix = leakedMarkers(viaRemix, role, w);
          if (leakedViaRemix.length) problems.push(`${role} on ${label}: the answer holds ${leakedViaRemix.join(", ")}`);
        }
      }
      if (handlerErrors.length) problems.push(`Remix reported errors: ${handlerErrors.splice(0).map(String).join("; ")}`);
      const swapper = SWAPPER[access];
      if (swapper) {
        for (const key of Object.keys(w.a.ids) as (keyof RecordIds)[]) {
          const ids = swapOne(w.a.ids, w.b.ids, key);
          const swapped = addressOf(routeId, ids);
          const query = entry.query?.(ids);
          const url = withQuery(swapped.path, query);
          if (url === withQuery(address.path, entry.query?.(w.a.ids))) continue;
          counts.swapped++;
          const res = await send("loader", mod.loader, get(url, w.cookies[swapper]), swapped.params);
          if (res instanceof Error) {
            problems.push(`${swapper} with B's ${key}: threw ${res.message}`);
            continue;
          }
          const inAddress = swapped.path !== address.path;
          if (inAddress ? res.status !== 404 : ![200, 404].includes(res.status)) {
            problems.push(`${swapper} with B's ${key} in the ${inAddress ? "address" : "query"}: expected ${inAddress ? "404" : "200 or 404"}, got ${describeAnswer(res)}`);
          }
          const leaked = leakedMarkers(res, swapper, w);
          if (leaked.length) problems.push(`${swapper} with B's ${key}: the answer holds ${leaked.join(", ")}`);
        }
      }
      expect(problems).toEqual([]);
    }, 60_000);
  }

  if (entry.action && entry.intents) {
    const access = entry.action;
    const intents = Object.entries(entry.intents);
    const allowed = ROLES.filter((r) => EXPECTED[access][r] === "ok");
    const refused = ROLES.filter((r) => EXPECTED[access][r] !== "ok");

    it.each(refused)(`action refused to %s (${refused.map((r) => `${r} ${EXPECTED[access][r]}`).join(", ")}), also on .data and ?_data=; nothing changes`, async (role) => {
      const w = await sharedWorld();
      const problems: string[] = [];
      const address = addressOf(routeId, w.a.ids);
      {
        for (const [intent, body] of intents) {
          const before = snapshotRows();
          const res = await send("action", mod.action, post(address.path, formFor(intent, body(w.a.ids, w.a)), w.cookies[role]), address.params);
          const changes = changedRows(before, snapshotRows());
          const cell = `${role} ${intent || "(form)"}`;
          if (res instanceof Error) {
            problems.push(`${cell}: threw ${res.message}`);
            continue;
          }
          if (!matches(EXPECTED[access][role], res, "action")) problems.push(`${cell}: expected ${EXPECTED[access][role]}, got ${describeAnswer(res)}`);
          if (changes.length) problems.push(`${cell}: changed ${changes.map((c) => c.key).join(", ")}`);
          const leaked = leakedMarkers(res, role, w);
          if (leaked.length) problems.push(`${cell}: the answer holds ${leaked.join(", ")}`);
          for (const { label, request } of dataPathRequests(routeId, address.path, undefined, w.cookies[role], formFor(intent, body(w.a.ids, w.a)))) {
            const beforeRemix = snapshotRows();
            const viaRemix = await sendThroughRemix(request);
            const changedViaRemix = changedRows(beforeRemix, snapshotRows());
            if (!matches(EXPECTED[access][role], viaRemix, "action")) problems.push(`${cell} on ${label}: expected ${EXPECTED[access][role]}, got ${describeAnswer(viaRemix)}`);
            if (changedViaRemix.length) problems.push(`${cell} on ${label}: changed ${changedViaRemix.map((c) => c.key).join(", ")}`);
            const leakedViaRemix = leakedMarkers(viaRemix, role, w);
            if (leakedViaRemix.length) problems.push(`${cell} on ${label}: the answer holds ${leakedViaRemix.join(", ")}`);
          }
        }
      }
      if (handlerErrors.length) problems.push(`Remix reported errors: ${handlerErrors.splice(0).map(String).join("; ")}`);
      expect(problems).toEqual([]);
    }, 60_000);

    it.each(intents.flatMap(([intent]) => allowed.map((role) => [intent, role] as const)))(
      `action %s as %s: works with the person's own ids, and touches no other class`,
      async (intent, role) => {
        const w = await world();
        const own = w[OWN[role]];
        const other = w[OWN[role] === "a" ? "b" : "a"];
        const address = addressOf(routeId, access.startsWith("class-") ? w.a.ids : own.ids);
        await entry.prepare?.[intent]?.(own);
        const before = snapshotRows();
        const res = await send("action", mod.action, post(address.path, formFor(intent, entry.intents![intent](own.ids, own)), w.cookies[role]), address.params);
        if (res instanceof Error) throw res;
        expect(matches("ok", res, "action"), describeAnswer(res)).toBe(true);
        expect(leakedMarkers(res, role, w)).toEqual([]);
        expect(touching(changedRows(before, snapshotRows()), other).map((c) => c.key)).toEqual([]);
      },
    );

    const swapper = SWAPPER[access];
    if (swapper) {
      it(`action as ${swapper} with each of B's ids swapped in: refused or ignored, B's rows untouched, nothing of B in the answer`, async () => {
        const w = await sharedWorld();
        const problems: string[] = [];
        const own = addressOf(routeId, w.a.ids);
        for (const [intent, body] of intents) {
          const ownBody = JSON.stringify(formFor(intent, body(w.a.ids, w.a)));
          for (const key of Object.keys(w.a.ids) as (keyof RecordIds)[]) {
            const ids = swapOne(w.a.ids, w.b.ids, key);
            const address = addressOf(routeId, ids);
            const fields = formFor(intent, body(ids, w.a));
            if (address.path === own.path && JSON.stringify(fields) === ownBody) continue;
            counts.swapped++;
            const cell = `${intent || "(form)"} with B's ${key} in the ${address.path === own.path ? "form" : "address"}`;
            const before = snapshotRows();
            const res = await send("action", mod.action, post(address.path, fields, w.cookies[swapper]), address.params);
            const changes = changedRows(before, snapshotRows());
            if (res instanceof Error) {
              problems.push(`${cell}: threw ${res.message}`);
              continue;
            }
            if (address.path !== own.path && res.status !== 404) problems.push(`${cell}: expected 404, got ${describeAnswer(res)}`);
            if (address.path !== own.path && changes.length) problems.push(`${cell}: changed ${changes.map((c) => c.key).join(", ")}`);
            const touched = touching(changes, w.b);
            if (touched.length) problems.push(`${cell}: touched B's rows ${touched.map((c) => `${c.key} ${c.before ?? ""} → ${c.after ?? "(removed)"}`).join("; ")}`);
            const leaked = leakedMarkers(res, swapper, w);
            if (leaked.length) problems.push(`${cell}: the answer holds ${leaked.join(", ")}`);
          }
        }
        expect(problems).toEqual([]);
      }, 60_000);
    }

    if (intents.length > 1 || intents[0][0] !== "") {
      const role = allowed[0];
      it(`action as ${role} with an intent it doesn't know: 400 with a message, nothing changes`, async () => {
        const w = await sharedWorld();
        const address = addressOf(routeId, w[OWN[role]].ids);
        const before = snapshotRows();
        const res = await send("action", mod.action, post(address.path, { intent: "no-such-intent" }, w.cookies[role]), address.params);
        if (res instanceof Error) throw res;
        expect(res.status, describeAnswer(res)).toBe(400);
        expect(JSON.stringify(res.data)).toMatch(/[A-Z][^"]{10,}\./);
        expect(changedRows(before, snapshotRows())).toEqual([]);
      });
    }
  }
});
