"use client";

import { forwardRef, useId, type ReactNode } from "react";

/**
 * A modal on the browser's own <dialog> (focus trap, Escape, backdrop): the title names it for
 * screen readers. Open and close it through the ref (`showModal()`, `close()`); the confirm
 * dialog and the form dialogs build on it.
 */
export const Dialog = forwardRef<HTMLDialogElement, { title: ReactNode; size?: "sm" | "md"; children: ReactNode }>(function Dialog(
  { title, size = "sm", children },
  ref,
) {
  const titleId = useId();
  const width = size === "md" ? "w-[min(36rem,calc(100vw-2rem))]" : "max-w-md";
  return (
    <dialog ref={ref} aria-labelledby={titleId} className={`m-auto ${width} rounded-lg p-6 text-left shadow-xl backdrop:bg-slate-900/40`}>
      <h2 id={titleId} className="text-lg font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </dialog>
  );
});
