import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Drillbook", template: "%s · Drillbook" },
  description: "Prove, with evidence, that your streaming platform recovers from broker failure and leader movement.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request, so Next can stamp it with the request's CSP nonce
  // (proxy.ts); a page prerendered at build time would carry none and its scripts would not run.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
