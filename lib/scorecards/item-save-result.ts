/** What the item autosave answers (shared by the server action and the client editor). */
import type { ItemValues } from "./schema";

export interface ItemConflictView extends ItemValues {
  version: number;
  updatedBy: string | null;
  updatedAt: string;
}

export type ItemSaveResult =
  | { status: "ok"; version: number }
  | { status: "conflict"; message: string; current: ItemConflictView }
  | { status: "invalid"; message: string; fieldErrors: Record<string, string[]> }
  | { status: "error"; message: string };
