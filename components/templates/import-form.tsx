"use client";

import { useActionState, useState } from "react";
import { importTemplateAction, type TemplateActionState } from "@/lib/actions/templates";
import { idleState } from "@/lib/action-state";
import { TEMPLATE_LIMITS } from "@/lib/templates/schema";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { FileInput } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { ProblemList } from "./problem-list";

/** Imports a template from an uploaded .json file or pasted JSON; every problem is listed with its path. */
export function ImportTemplateForm() {
  const [state, action, pending] = useActionState<TemplateActionState, FormData>(async (prev, formData) => {
    try {
      return await importTemplateAction(prev, formData);
    } catch (error) {
      if (typeof (error as { digest?: unknown })?.digest === "string") throw error;
      return { status: "error", message: "Could not reach the server; nothing was imported.", fieldErrors: {} };
    }
  }, idleState);
  const [json, setJson] = useState("");
  const [fileNote, setFileNote] = useState<string | null>(null);
  const [tooLarge, setTooLarge] = useState(false);

  async function readFile(file: File | undefined) {
    if (!file) return;
    if (file.size > TEMPLATE_LIMITS.jsonChars * 4) {
      setTooLarge(true);
      setFileNote(`${file.name} is too large for a template.`);
      return;
    }
    const text = await file.text();
    setTooLarge(text.length > TEMPLATE_LIMITS.jsonChars);
    setJson(text);
    setFileNote(`Loaded ${file.name} (${text.length.toLocaleString("en-US")} characters). Review it below, then import.`);
  }

  return (
    <form action={action} className="space-y-4" aria-label="Import template">
      {state.status === "error" ? (
        <Alert title={state.message}>
          <ProblemList problems={state.problems ?? []} />
        </Alert>
      ) : null}
      <div>
        <label htmlFor="template-file" className="block text-sm font-medium text-slate-700">
          JSON file
        </label>
        <FileInput id="template-file" accept=".json,application/json" onChange={(e) => void readFile(e.target.files?.[0])} className="mt-1" />
        {fileNote ? (
          <p role="status" className="mt-1 text-xs text-slate-600">
            {fileNote}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor="template-json" className="block text-sm font-medium text-slate-700">
          Or paste the JSON
        </label>
        <Textarea
          id="template-json"
          name="json"
          rows={16}
          value={json}
          onChange={(e) => {
            setJson(e.target.value);
            setTooLarge(e.target.value.length > TEMPLATE_LIMITS.jsonChars);
          }}
          spellCheck={false}
          placeholder='{ "format": "drillbook.template/v1", "key": "my-template", "name": "…", "description": "…", "sections": [ … ] }'
          mono
          className="mt-1"
        />
        {tooLarge ? (
          <p role="alert" className="mt-1 text-xs font-medium text-red-600">
            A template is at most {TEMPLATE_LIMITS.jsonChars.toLocaleString("en-US")} characters.
          </p>
        ) : (
          <p className="mt-1 text-xs text-slate-500">
            Format drillbook.template/v1, as produced by Export JSON. Nothing is imported unless the whole document is valid.
          </p>
        )}
      </div>
      <Button type="submit" disabled={pending || tooLarge || json.trim() === ""}>
        {pending ? "Importing…" : "Import template"}
      </Button>
    </form>
  );
}
