"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";

/**
 * The main navigation: a row of links on wide screens; below 1024 px a "Menu" button that
 * opens them as a list under the header (one <nav> either way, so it is named "Main" once).
 */
export function NavLinks({ links }: { links: { href: string; label: string }[] }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        aria-controls="main-nav"
        onClick={() => setOpen((o) => !o)}
        className="rounded-md px-2.5 py-1.5 text-sm font-medium text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-100 lg:hidden"
      >
        {open ? "Close menu" : "Menu"}
      </button>
      <nav
        id="main-nav"
        aria-label="Main"
        className={`${open ? "flex" : "hidden"} absolute inset-x-0 top-14 z-30 flex-col gap-1 border-b border-slate-200 bg-white p-3 shadow-md lg:static lg:flex lg:flex-row lg:border-0 lg:p-0 lg:shadow-none`}
      >
        {links.map((l) => {
          // a link stays active anywhere in its section ("/admin/users" on /admin/audit too)
          const section = `/${l.href.split("/")[1]}`;
          const active = pathname === l.href || pathname === section || pathname.startsWith(`${section}/`);
          return (
            <Link
              key={l.href}
              href={l.href}
              onClick={() => setOpen(false)}
              aria-current={active ? "page" : undefined}
              className={`rounded-md px-3 py-2 text-sm font-medium lg:py-1.5 ${active ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100"}`}
            >
              {l.label}
            </Link>
          );
        })}
      </nav>
    </>
  );
}
