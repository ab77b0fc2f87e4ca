"use client";

import { useActionState, useState } from "react";
import { importTemplateAction, type TemplateActionState } from "@/lib/actions/templates";
import { idleState } from "@/lib/action-state";
import { TEMPLATE_LIMITS } from "@/lib/templates/schema";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
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
        <input
          id="template-file"
          type="file"
          accept=".json,application/json"
          onChange={(e) => void readFile(e.target.files?.[0])}
          className="mt-1 block text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium file:ring-1 file:ring-inset file:ring-slate-300"
        />
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
        <textarea
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
          className="mt-1 block w-full rounded-md border-0 px-3 py-2 font-mono text-xs shadow-xs ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500"
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
