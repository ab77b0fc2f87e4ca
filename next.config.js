/** @type {import('next').NextConfig} */

// The Content Security Policy is set per request by proxy.ts (it carries a fresh script
// nonce); the rest of lib/http/security-headers.ts is repeated here for the static files
// the proxy does not run for.
const securityHeaders = [
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder at run time;
  // bundling it breaks those paths ("path argument must be of type string ... URL").
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg"],
  poweredByHeader: false,
  experimental: {
    // evidence uploads and metric imports travel through server actions
    // (lib/http/request-guard.ts SERVER_ACTION_MAX_BYTES refuses larger ones with a 413 first)
    serverActions: { bodySizeLimit: "12mb" },
    // the proxy reads request bodies through a buffer of this size; above it they would be cut
    proxyClientMaxBodySize: "13mb",
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
