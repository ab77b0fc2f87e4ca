"use client";

import { useState } from "react";
import { cloneTemplateAction } from "@/lib/actions/templates";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { TextInput } from "@/components/ui/input";
import { useSafeAction } from "@/components/ui/use-safe-action";

/** Copies this version under a new name and key, then opens the copy in the editor. */
export function CloneTemplateForm({ sourceId, name, templateKey }: { sourceId: string; name: string; templateKey: string }) {
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useSafeAction(cloneTemplateAction);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  if (!open) {
    return (
      <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
        Clone
      </Button>
    );
  }
  return (
    <form action={action} noValidate aria-label="Clone template" className="w-full space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:w-96">
      <input type="hidden" name="sourceId" value={sourceId} />
      {state.status === "error" ? <Alert title={state.message} /> : null}
      <TextInput name="name" id="clone-name" label="Name of the copy" defaultValue={values.name ?? `${name} (copy)`} error={errors.name} />
      <TextInput
        name="key"
        id="clone-key"
        label="Key"
        defaultValue={values.key ?? `${templateKey}-copy`}
        error={errors.key}
        hint="Lowercase letters, digits and hyphens; identifies every version of the copy."
      />
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Cloning…" : "Clone and edit"}
        </Button>
        <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
