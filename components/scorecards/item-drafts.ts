/**
 * Unsaved item edits kept in the browser (localStorage) until the server confirms them, so
 * nothing typed is lost on a failed save, a closed tab or a reload. A tiny external store:
 * components read it with useSyncExternalStore and hear about writes from other tabs too.
 */
import type { ItemValues } from "@/lib/scorecards/schema";
import { ITEM_STATUSES } from "@/lib/domain/constants";

export interface ItemDraft {
  /** The item version the values were edited on top of. */
  baseVersion: number;
  values: ItemValues;
  /** "saved": confirmed by the server, kept only until the page shows the saved version. */
  state: "unsaved" | "saved";
}

const PREFIX = "drillbook:item-draft:";
const listeners = new Set<() => void>();
// fallback when storage is unavailable (private mode, quota): drafts live for this page only
const memory = new Map<string, string>();

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

function notify() {
  for (const listener of listeners) listener();
}

/** The raw stored draft (a string, so useSyncExternalStore sees a stable snapshot). */
export function readDraftRaw(itemId: string): string | null {
  const key = PREFIX + itemId;
  try {
    return storage()?.getItem(key) ?? memory.get(key) ?? null;
  } catch {
    return memory.get(key) ?? null;
  }
}

/** Parses a stored draft, ignoring anything malformed (an older format, manual edits). */
export function parseDraft(raw: string | null): ItemDraft | null {
  if (!raw) return null;
  try {
    const d = JSON.parse(raw) as ItemDraft;
    const v = d?.values;
    const ok =
      Number.isInteger(d.baseVersion) &&
      (d.state === "unsaved" || d.state === "saved") &&
      (ITEM_STATUSES as readonly string[]).includes(v?.status) &&
      typeof v.justification === "string" &&
      typeof v.notes === "string" &&
      (v.ownerRole === null || typeof v.ownerRole === "string");
    return ok ? d : null;
  } catch {
    return null;
  }
}

export function writeDraft(itemId: string, draft: ItemDraft) {
  const key = PREFIX + itemId;
  const raw = JSON.stringify(draft);
  try {
    const s = storage();
    if (s) s.setItem(key, raw);
    else memory.set(key, raw);
  } catch {
    memory.set(key, raw);
  }
  notify();
}

export function removeDraft(itemId: string) {
  const key = PREFIX + itemId;
  memory.delete(key);
  try {
    storage()?.removeItem(key);
  } catch {
    // nothing stored there
  }
  notify();
}

export function subscribeDrafts(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (!e.key || e.key.startsWith(PREFIX)) listener();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

export function sameValues(a: ItemValues, b: ItemValues): boolean {
  return a.status === b.status && a.justification === b.justification && a.notes === b.notes && (a.ownerRole ?? null) === (b.ownerRole ?? null);
}
