// vitest stand-in for the `server-only` marker package, which throws outside a React
// Server Components bundle. Tests run on the server, so the marker has nothing to guard.
export {};
