/**
 * Layer rules, checked by `npm run lint` (dependency-cruiser): app → components → lib, lib never
 * imports app or components, design-system primitives import no domain code, pure rules import no
 * Prisma, Next or React, and no cycles — between modules, and (scripts/check-layers.mjs runs this
 * config a second time with lib folders collapsed) between lib folders.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: "no-circular", severity: "error", comment: "Cycles make modules impossible to read or test alone.", from: {}, to: { circular: true } },
    {
      name: "lib-not-ui",
      severity: "error",
      comment: "lib holds domain code; it never imports routes or components.",
      from: { path: "^lib/" },
      to: { path: "^(app|components)/" },
    },
    {
      name: "components-not-app",
      severity: "error",
      comment: "Components receive server actions as props or import them from lib; they never import app/.",
      from: { path: "^components/" },
      to: { path: "^app/" },
    },
    {
      name: "actions-are-entry-points",
      severity: "error",
      comment: "lib/actions holds the server actions (the 'use server' entry points); only app/ and components/ call them, domain code never does.",
      from: { path: "^lib/(?!actions/)" },
      to: { path: "^lib/actions/" },
    },
    {
      name: "ui-no-domain",
      severity: "error",
      comment: "Design-system primitives know no domain (the ActionState shape every form shares is not domain).",
      from: { path: "^components/ui/" },
      to: { path: "^(lib/(?!utils|format|action-state)|components/(?!ui/))" },
    },
    {
      name: "pure-rules",
      severity: "error",
      comment: "Rules are pure: no database, framework or UI imports.",
      from: { path: ["/rules\\.ts$", "/rules/", "/rules-[a-z-]+\\.ts$"], pathNot: "\\.test\\.ts$" },
      to: { path: ["node_modules/(@prisma|prisma|next|react|react-dom)/", "^lib/generated/", "^lib/db/"] },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(node_modules|\\.next|lib/generated|e2e/\\.artifacts)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"] },
  },
};
