"use client";

/** Opens the browser's print dialog (the page's print stylesheet hides navigation and this toolbar). */
export function PrintButton() {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="inline-flex items-center gap-2 rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white shadow-xs hover:bg-brand-700"
    >
      Print
    </button>
  );
}
