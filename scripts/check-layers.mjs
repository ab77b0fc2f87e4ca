// Layer check for `npm run lint`: dependency-cruiser validates the rules in
// .dependency-cruiser.cjs (layers, pure rules, module cycles); then the same graph, with
// every lib/<folder> collapsed to one node, must have no cycle either. dependency-cruiser
// has no rule for cycles between folders (its --collapse only shapes reports), so this
// script finds them with Tarjan's strongly connected components over its JSON output.
import { createRequire } from "node:module";
import { cruise } from "dependency-cruiser";

const require = createRequire(import.meta.url);
const config = require("../.dependency-cruiser.cjs");
// tests may import routes and each other's support; the layer rules are for shipped code
const shipped = "\\.test\\.tsx?$|^test/support/|^test/";
const result = await cruise(["app", "components", "lib"], {
  ...config.options,
  exclude: { path: [config.options.exclude.path, shipped] },
  validate: true,
  ruleSet: { forbidden: config.forbidden },
  outputType: "json",
});
const output = typeof result.output === "string" ? JSON.parse(result.output) : result.output;

const violations = output.summary.violations.filter((v) => v.rule.severity === "error");
for (const v of violations) console.error(`✗ ${v.rule.name}: ${v.from} → ${v.to}${v.cycle ? ` (cycle: ${v.cycle.map((c) => c.name ?? c).join(" → ")})` : ""}`);

const folderOf = (file) => /^lib\/([^/]+)\//.exec(file)?.[1];
const edges = new Map();
for (const cruised of output.modules) {
  const from = folderOf(cruised.source);
  if (!from) continue;
  for (const dep of cruised.dependencies) {
    const to = folderOf(dep.resolved);
    if (!to || to === from) continue;
    if (!edges.has(from)) edges.set(from, new Map());
    if (!edges.get(from).has(to)) edges.get(from).set(to, `${cruised.source} → ${dep.resolved}`);
  }
}
// Tarjan's algorithm: every strongly connected component of more than one folder is a cycle
let index = 0;
const stack = [];
const meta = new Map();
const cycles = [];
function visit(v) {
  meta.set(v, { index, low: index, onStack: true });
  index += 1;
  stack.push(v);
  for (const w of edges.get(v)?.keys() ?? []) {
    if (!meta.has(w)) {
      visit(w);
      meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).low);
    } else if (meta.get(w).onStack) meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).index);
  }
  if (meta.get(v).low === meta.get(v).index) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      meta.get(w).onStack = false;
      component.push(w);
    } while (w !== v);
    if (component.length > 1) cycles.push(component);
  }
}
for (const v of edges.keys()) if (!meta.has(v)) visit(v);
for (const component of cycles) {
  console.error(`✗ lib folders in a cycle: ${component.sort().join(", ")}`);
  for (const a of component) for (const [b, why] of edges.get(a) ?? []) if (component.includes(b)) console.error(`    ${a} → ${b}: ${why}`);
}

const modules = output.summary.totalCruised;
if (violations.length || cycles.length) {
  console.error(`\nLayer check failed: ${violations.length} rule violation(s), ${cycles.length} folder cycle(s) in ${modules} modules.`);
  process.exit(1);
}
console.log(`Layer check passed: ${modules} modules, no rule violations, no cycles between lib folders.`);
