/**
 * The one look of a text control (input, textarea, select): white, a slate ring that turns red
 * when the control is aria-invalid, a brand ring on focus. Input, Textarea and Select build their
 * classes here, so no form repeats them. A module of its own (no imports) so that field.tsx
 * can use it too without a module cycle.
 */
export interface ControlLook {
  /** "md": forms (default); "sm": dense editors; "xs": pagers and table rows */
  density?: "md" | "sm" | "xs";
  /** as wide as className says (toolbars, rows) instead of the full width of its column */
  inline?: boolean;
  /** monospace and small: code, queries, tokens, JSON */
  mono?: boolean;
}

const LOOK =
  "rounded-md border-0 bg-white text-slate-900 shadow-xs ring-1 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-brand-500 focus:outline-none";

const PADDING = { md: "px-3 py-2", sm: "px-3 py-1.5", xs: "px-2 py-1" } as const;
// a select as wide as its options keeps room for the browser's arrow
const INLINE_SELECT_PADDING = { md: "py-2 pl-3 pr-8", sm: "py-1.5 pl-3 pr-8", xs: "py-1 pl-2 pr-7" } as const;

/** Whether an aria-invalid value marks the control invalid ("true" or true). */
export function isInvalid(ariaInvalid: unknown): boolean {
  return ariaInvalid === true || ariaInvalid === "true";
}

/** The classes of a text control of `kind`, then the caller's own (margins, widths). */
export function controlClass(
  kind: "input" | "textarea" | "select",
  { density = "md", inline = false, mono = false }: ControlLook,
  invalid: boolean,
  className = "",
): string {
  const padding = kind === "select" && inline ? INLINE_SELECT_PADDING[density] : PADDING[density];
  return [inline ? "" : "block w-full", LOOK, padding, mono ? "font-mono text-xs" : "text-sm", invalid ? "ring-red-400" : "ring-slate-300", className]
    .filter(Boolean)
    .join(" ");
}
