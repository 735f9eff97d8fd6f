// Reads a V8 CPU profile (node --cpu-prof; `npm run load -- --cpu-prof DIR`)
// and prints where the time went: by area (a package in node_modules, the
// app's own bundled code, node itself, the garbage collector, idle), then the
// functions with the most time of their own, then the functions with the most
// time including what they called (decision 016).
//   node scripts/cpu-profile-summary.mjs FILE.cpuprofile [--top N]
import fs from "node:fs";

const args = process.argv.slice(2);
const topAt = args.indexOf("--top");
const top = topAt >= 0 ? Number(args[topAt + 1]) : 25;
const files = args.filter((a, i) => !a.startsWith("--") && i !== topAt + 1);
if (!files.length) {
  console.error("Usage: node scripts/cpu-profile-summary.mjs FILE.cpuprofile [--top N]");
  process.exit(2);
}

/** Where a function lives, in a few words. */
function areaOf(url, functionName) {
  if (!url) return functionName.startsWith("(") ? functionName : "(native or builtin)";
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const rest = url.slice(modules + "node_modules/".length).split("/");
    return rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith("node:")) return "node";
  if (/\/server\/index\.js$/.test(url)) return "the app (server build)";
  if (/\/scripts\//.test(url)) return "scripts/";
  return url;
}

for (const file of files) {
  const profile = JSON.parse(fs.readFileSync(file, "utf8"));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const keyOf = (n) => `${n.callFrame.functionName || "(anonymous)"} ${areaOf(n.callFrame.url, n.callFrame.functionName)}:${n.callFrame.lineNumber + 1}`;

  const areas = new Map();
  const selfByFn = new Map();
  for (const [id, us] of self) {
    const n = byId.get(id);
    const area = areaOf(n.callFrame.url, n.callFrame.functionName);
    areas.set(area, (areas.get(area) ?? 0) + us);
    const key = keyOf(n);
    selfByFn.set(key, (selfByFn.get(key) ?? 0) + us);
  }

  // Time including callees, each function counted once per stack (recursion).
  const inclusive = new Map();
  const parents = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parents.set(c, n.id);
  for (const [id, us] of self) {
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parents.get(cur)) {
      const key = keyOf(byId.get(cur));
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    }
  }

  const ms = (us) => (us / 1000).toFixed(0).padStart(8);
  const pct = (us) => `${((100 * us) / total).toFixed(1).padStart(5)}%`;
  const list = (title, map, n) => {
    console.log(`\n${title}`);
    for (const [k, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`${ms(us)} ms ${pct(us)}  ${k}`);
  };
  console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled`);
  list("By area (own time):", areas, 20);
  list("Functions, own time:", selfByFn, top);
  list("Functions, including what they called:", new Map([...inclusive].filter(([k]) => !k.startsWith("(root)"))), top);
}
