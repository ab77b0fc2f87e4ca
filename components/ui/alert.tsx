import type { ReactNode } from "react";

/** A message box: red ones are announced at once (role=alert), the others politely (role=status). */
export function Alert({ tone = "red", title, children }: { tone?: "red" | "amber" | "green" | "blue"; title?: string; children?: ReactNode }) {
  const t = {
    red: "bg-red-50 text-red-800 ring-red-200",
    amber: "bg-amber-50 text-amber-900 ring-amber-200",
    green: "bg-emerald-50 text-emerald-800 ring-emerald-200",
    blue: "bg-brand-50 text-brand-900 ring-brand-100",
  }[tone];
  return (
    <div role={tone === "red" ? "alert" : "status"} className={`rounded-md px-4 py-3 text-sm ring-1 ring-inset ${t}`}>
      {title ? <p className="font-medium">{title}</p> : null}
      {children ? <div className={title ? "mt-1" : ""}>{children}</div> : null}
    </div>
  );
}
