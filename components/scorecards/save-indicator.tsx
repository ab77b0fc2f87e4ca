import { Icon } from "./icons";
import type { SaveState } from "./use-item-autosave";

const SPIN = "h-3 w-3 animate-spin rounded-full border-2 border-current border-r-transparent";

/** The visible autosave state of one item; failures are announced and offer a retry. */
export function SaveIndicator({ state, message, onRetry }: { state: SaveState; message: string | null; onRetry: () => void }) {
  if (state === "failed" || state === "invalid") {
    return (
      <div role="alert" className="rounded-md bg-red-50 px-2.5 py-1.5 text-xs text-red-800 ring-1 ring-inset ring-red-200">
        <p className="font-semibold">{state === "failed" ? "Not saved" : "Not saved yet"}</p>
        {message ? <p className="mt-0.5">{message}</p> : null}
        {state === "failed" ? (
          <button type="button" onClick={onRetry} className="mt-1 font-semibold text-red-900 underline underline-offset-2">
            Retry now
          </button>
        ) : null}
      </div>
    );
  }
  const view: Record<Exclude<SaveState, "failed" | "invalid">, { text: string; className: string; icon: React.ReactNode }> = {
    idle: { text: "Autosaves as you work", className: "text-slate-500", icon: null },
    pending: { text: "Unsaved changes…", className: "text-slate-600", icon: <span aria-hidden className="h-2 w-2 rounded-full bg-amber-400" /> },
    saving: { text: "Saving…", className: "text-brand-700", icon: <span aria-hidden className={SPIN} /> },
    saved: { text: "Saved", className: "text-emerald-700", icon: <Icon name="check" className="h-3.5 w-3.5" /> },
    conflict: { text: "Changed by someone else", className: "text-amber-800 font-semibold", icon: <Icon name="warning" className="h-3.5 w-3.5" /> },
  };
  const v = view[state];
  return (
    <div>
      <p data-testid="save-state" role="status" aria-live="polite" className={`inline-flex items-center gap-1.5 text-xs font-medium ${v.className}`}>
        {v.icon}
        {v.text}
      </p>
      {state === "saved" && message ? <p className="mt-0.5 text-xs text-slate-500">{message}</p> : null}
    </div>
  );
}
