import type { ReactNode } from "react";

/** A white panel with an optional title bar; its body scrolls sideways when its content is wider. */
export function Card({ title, actions, children, className = "" }: { title?: ReactNode; actions?: ReactNode; children: ReactNode; className?: string }) {
  return (
    // min-w-0: a card in a grid column shrinks to the column; a wide table scrolls inside its body
    <section className={`min-w-0 rounded-lg bg-white shadow-xs ring-1 ring-slate-200 ${className}`}>
      {title || actions ? (
        <header className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 border-b border-slate-100 px-5 py-3">
          {title ? <h2 className="text-sm font-semibold text-slate-900">{title}</h2> : <span />}
          {actions}
        </header>
      ) : null}
      <div className="relative overflow-x-auto px-5 py-4">{children}</div>
    </section>
  );
}
