"use client";

/**
 * Autosave of one scorecard item. Every edit goes to the browser draft first (see
 * item-drafts.ts), then to the server after a short pause (at once for clicks). One save is
 * in flight at a time; edits made meanwhile follow with the version the server returned.
 * A refused save (someone else saved first) keeps the draft and exposes the other person's
 * values until the user reapplies theirs or takes the other version.
 */
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { useRouter } from "next/navigation";
import type { ItemConflictView, ItemSaveResult } from "@/lib/scorecards/item-save-result";
import type { ItemValues } from "@/lib/scorecards/schema";
import { parseDraft, readDraftRaw, removeDraft, sameValues, subscribeDrafts, writeDraft, type ItemDraft } from "./item-drafts";

export type SaveState = "idle" | "pending" | "saving" | "saved" | "failed" | "invalid" | "conflict";

export interface ServerItem {
  id: string;
  version: number;
  values: ItemValues;
}

type SaveFn = (input: Record<string, unknown>) => Promise<ItemSaveResult>;

const TYPING_PAUSE_MS = 700;
const NA_MESSAGE = "Explain why this item does not apply before marking it not applicable";

export function useItemAutosave(server: ServerItem, save: SaveFn) {
  const { id } = server;
  const router = useRouter();
  const raw = useSyncExternalStore(
    subscribeDrafts,
    () => readDraftRaw(id),
    () => null,
  );
  const draft = useMemo(() => parseDraft(raw), [raw]);
  // the draft wins while it is unsaved, or while the page still shows an older version
  const values = draft && (draft.state === "unsaved" || draft.baseVersion > server.version) ? draft.values : server.values;

  const [state, setState] = useState<SaveState>("idle");
  const [message, setMessage] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [conflict, setConflict] = useState<ItemConflictView | null>(null);

  const latest = useRef({ server, state });
  const work = useRef({ inFlight: false, again: false, blocked: false, timer: undefined as ReturnType<typeof setTimeout> | undefined });
  useEffect(() => {
    latest.current = { server, state };
  });

  function currentDraft(): ItemDraft | null {
    return parseDraft(readDraftRaw(id));
  }

  function baseVersion(d: ItemDraft | null): number {
    const shown = latest.current.server.version;
    if (!d) return shown;
    return d.state === "unsaved" ? d.baseVersion : Math.max(d.baseVersion, shown);
  }

  async function flush(restored = false): Promise<void> {
    const w = work.current;
    clearTimeout(w.timer);
    w.timer = undefined;
    if (w.blocked) return;
    if (w.inFlight) {
      w.again = true;
      return;
    }
    const d = currentDraft();
    if (!d || d.state !== "unsaved") return;
    if (d.values.status === "not_applicable" && !d.values.justification.trim()) {
      setState("invalid");
      setFieldErrors({ justification: [NA_MESSAGE] });
      setMessage("Not saved yet: add a justification.");
      return;
    }
    w.inFlight = true;
    setState("saving");
    let result: ItemSaveResult;
    try {
      result = await save({ itemId: id, version: baseVersion(d), ...d.values, ownerRole: d.values.ownerRole ?? "" });
    } catch {
      result = { status: "error", message: "Could not reach the server. Your changes are kept in this browser." };
    }
    w.inFlight = false;
    const now = currentDraft();
    if (result.status === "ok") {
      setFieldErrors({});
      if (now && now.state === "unsaved" && !sameValues(now.values, d.values)) {
        // typed on while saving: the next save builds on the version just confirmed
        writeDraft(id, { ...now, baseVersion: result.version });
        w.again = true;
        setState("pending");
      } else {
        writeDraft(id, { baseVersion: result.version, values: d.values, state: "saved" });
        setState("saved");
        setMessage(restored ? "Restored and saved the changes this browser kept from earlier." : null);
      }
    } else if (result.status === "conflict") {
      w.blocked = true;
      w.again = false;
      setConflict(result.current);
      setState("conflict");
      setMessage(result.message);
      router.refresh();
    } else if (result.status === "invalid") {
      setFieldErrors(result.fieldErrors);
      setState("invalid");
      setMessage(result.message);
    } else {
      setState("failed");
      setMessage(result.message);
    }
    if (w.again) {
      w.again = false;
      void flush();
    }
  }

  /** Records an edit; text waits for a pause in typing, clicks save at once. */
  function update(patch: Partial<ItemValues>, immediate = false) {
    const d = currentDraft();
    const shown = d && (d.state === "unsaved" || d.baseVersion > latest.current.server.version) ? d.values : latest.current.server.values;
    writeDraft(id, { baseVersion: baseVersion(d), values: { ...shown, ...patch }, state: "unsaved" });
    setFieldErrors({});
    const w = work.current;
    if (w.blocked) return;
    setState("pending");
    clearTimeout(w.timer);
    w.timer = setTimeout(() => void flush(), immediate ? 0 : TYPING_PAUSE_MS);
  }

  /** After a conflict: save my values on top of the other person's version. */
  function reapplyMine() {
    const d = currentDraft();
    if (!conflict || !d) return;
    writeDraft(id, { ...d, baseVersion: conflict.version, state: "unsaved" });
    work.current.blocked = false;
    setConflict(null);
    setMessage(null);
    void flush();
  }

  /** After a conflict: drop my values and keep the other person's. */
  function takeTheirs() {
    if (!conflict) return;
    const { status, justification, notes, ownerRole, version } = conflict;
    writeDraft(id, { baseVersion: version, values: { status, justification, notes, ownerRole }, state: "saved" });
    work.current.blocked = false;
    setConflict(null);
    setMessage(null);
    setState("saved");
  }

  function retry() {
    void flush();
  }

  // On load: send what this browser kept from an earlier visit; retry when back online.
  useEffect(() => {
    const kept = currentDraft();
    if (kept?.state === "unsaved") {
      if (sameValues(kept.values, latest.current.server.values)) removeDraft(id);
      else void flush(true);
    }
    const onOnline = () => {
      if (latest.current.state === "failed") void flush();
    };
    window.addEventListener("online", onOnline);
    const w = work.current;
    return () => {
      window.removeEventListener("online", onOnline);
      // leaving the section: send a pending edit now rather than after the pause
      if (w.timer !== undefined) {
        clearTimeout(w.timer);
        void flush();
      }
    };
    // runs once per item; flush reads the latest values through refs
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  // A confirmed draft is dropped once the page shows that version.
  useEffect(() => {
    if (draft?.state === "saved" && server.version >= draft.baseVersion) removeDraft(id);
  }, [draft, server.version, id]);

  return { values, state, message, fieldErrors, conflict, update, reapplyMine, takeTheirs, retry };
}
