"use client";

import { useState } from "react";
import { addCommentAction } from "@/lib/actions/scorecards";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { DateTime } from "@/components/ui/date-time";
import { useSafeAction } from "@/components/ui/use-safe-action";

interface CommentView {
  id: string;
  body: string;
  createdAt: string;
  author: string | null;
}

/** The discussion on one item, oldest first, with a box to add to it. */
export function ItemComments({ itemId, itemTitle, comments, canWrite }: { itemId: string; itemTitle: string; comments: CommentView[]; canWrite: boolean }) {
  const [sent, setSent] = useState(0);
  const [state, action, pending] = useSafeAction(async (prev, formData) => {
    const result = await addCommentAction(prev, formData);
    if (result.status === "ok") setSent((n) => n + 1);
    return result;
  });
  const error = state.status === "error" ? (state.fieldErrors.body?.join(". ") ?? state.message) : null;
  return (
    <div className="space-y-3">
      {comments.length ? (
        <ol className="space-y-2">
          {comments.map((c) => (
            <li key={c.id} className="rounded-md bg-slate-50 px-3 py-2">
              <p className="text-xs text-slate-500">
                <span className="font-medium text-slate-700">{c.author ?? "Former user"}</span> · <DateTime value={c.createdAt} format="long-minutes" />
              </p>
              <p className="mt-0.5 whitespace-pre-wrap text-sm text-slate-800">{c.body}</p>
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-sm text-slate-500">No comments yet.</p>
      )}
      {canWrite ? (
        <form key={sent} action={action} className="flex items-start gap-2">
          <input type="hidden" name="itemId" value={itemId} />
          <div className="flex-1">
            <label htmlFor={`comment-${itemId}`} className="sr-only">
              Comment on {itemTitle}
            </label>
            <Textarea
              id={`comment-${itemId}`}
              name="body"
              rows={1}
              defaultValue={state.status === "error" ? state.values?.body : ""}
              placeholder="Add a comment…"
              aria-invalid={Boolean(error)}
            />
            {error ? (
              <p role="alert" className="mt-1 text-xs font-medium text-red-600">
                {error}
              </p>
            ) : null}
          </div>
          <Button type="submit" variant="secondary" disabled={pending}>
            {pending ? "Posting…" : "Comment"}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
