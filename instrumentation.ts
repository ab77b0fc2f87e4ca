/**
 * Runs once when a server starts. Everything it does needs Node.js (database, file system,
 * background loops), so it lives in instrumentation-node.ts and is imported only on the
 * Node.js runtime: with the import behind this check, the Edge bundle of this file never
 * reaches Node-only modules (and `next build` has nothing to warn about).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { registerNode } = await import("./instrumentation-node");
    await registerNode();
  }
}
