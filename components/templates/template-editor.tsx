"use client";

import { useState, useTransition } from "react";
import { saveTemplateAction } from "@/lib/actions/templates";
import { groupFieldErrors } from "@/lib/action-state";
import type { TemplateDocument, TemplateImportError, TemplateItemDocument, TemplateSectionDocument } from "@/lib/templates/schema";
import { Button, ButtonLink } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { blankItem, blankSection, fieldId, itemCount, move } from "./editor-model";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { EditorField, EditorItem } from "./editor-item";
import { ProblemList } from "./problem-list";

type Row<T> = T & { uid: number };
type EditorSection = Omit<TemplateSectionDocument, "items"> & { uid: number; items: Row<TemplateItemDocument>[] };

let uidCounter = 0;
const nextUid = () => ++uidCounter;

function toRows(doc: TemplateDocument): EditorSection[] {
  return doc.sections.map((s) => ({ ...s, uid: nextUid(), items: s.items.map((i) => ({ ...i, uid: nextUid() })) }));
}

function withoutUid<T extends { uid: number }>(row: T): Omit<T, "uid"> {
  const copy: Partial<T> = { ...row };
  delete copy.uid;
  return copy as Omit<T, "uid">;
}

function toDocument(base: TemplateDocument, name: string, description: string, sections: EditorSection[]): TemplateDocument {
  return { ...base, name, description, sections: sections.map((s) => ({ ...withoutUid(s), items: s.items.map(withoutUid) })) };
}

const iconButton = "rounded px-2 py-1 text-xs font-medium text-slate-600 ring-1 ring-inset ring-slate-200 hover:bg-slate-50 disabled:opacity-40";

/**
 * Edits a template's name, description, sections and items. The whole document is checked
 * on the server with the import schema; problems come back with their paths and appear
 * beside the fields and in a list at the top.
 */
export function TemplateEditor({ id, fingerprint, document, usedBy }: { id: string; fingerprint: string; document: TemplateDocument; usedBy: number }) {
  const [name, setName] = useState(document.name);
  const [description, setDescription] = useState(document.description);
  const [sections, setSections] = useState(() => toRows(document));
  const [problems, setProblems] = useState<TemplateImportError[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [counter, setCounter] = useState(itemCount(document) + 1);
  const errors = groupFieldErrors(problems);

  const restructure = (next: EditorSection[]) => {
    setSections(next);
    setProblems([]); // paths of earlier problems no longer match the rows
  };
  const setSection = (s: number, patch: Partial<EditorSection>) => setSections(sections.map((row, i) => (i === s ? { ...row, ...patch } : row)));
  const setItem = (s: number, i: number, item: TemplateItemDocument) =>
    setSection(s, { items: sections[s].items.map((row, j) => (j === i ? { ...item, uid: row.uid } : row)) });

  function save() {
    startTransition(async () => {
      try {
        const result = await saveTemplateAction({ id, fingerprint, document: toDocument(document, name, description, sections) });
        // on success the action redirects; reaching here means it was refused
        setProblems(
          result.problems ??
            Object.entries(result.status === "error" ? result.fieldErrors : {}).flatMap(([path, list]) => list.map((m) => ({ path, message: m }))),
        );
        setMessage(result.status === "error" ? result.message : null);
      } catch (error) {
        if (typeof (error as { digest?: unknown })?.digest === "string") throw error;
        setMessage("Could not reach the server; nothing was saved. Your edits are still here; try again.");
      }
    });
  }

  return (
    <div className="space-y-6">
      {usedBy > 0 ? (
        <Alert tone="blue">
          {usedBy} scorecard{usedBy === 1 ? " uses" : "s use"} this version, so saving creates the next version. Those scorecards keep this one.
        </Alert>
      ) : null}
      {message ? (
        <Alert title={message}>
          <ProblemList problems={problems} linkToFields />
        </Alert>
      ) : null}

      <div className="grid gap-4 rounded-xl bg-white p-5 shadow-xs ring-1 ring-slate-200 sm:grid-cols-3">
        <EditorField path="name" label="Name" errors={errors} className="sm:col-span-2">
          {(a) => <Input {...a} density="sm" value={name} onChange={(e) => setName(e.target.value)} />}
        </EditorField>
        <div>
          <p className="block text-xs font-medium text-slate-700">Key</p>
          <p className="mt-1 rounded-md bg-slate-50 px-3 py-1.5 font-mono text-sm text-slate-600 ring-1 ring-inset ring-slate-200" id={fieldId("key")}>
            {document.key}
          </p>
          {errors.key ? (
            <p role="alert" className="mt-1 text-xs font-medium text-red-600">
              {errors.key.join(". ")}
            </p>
          ) : null}
        </div>
        <EditorField path="description" label="Description" errors={errors} className="sm:col-span-3">
          {(a) => <Textarea {...a} density="sm" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />}
        </EditorField>
      </div>

      {sections.map((section, s) => {
        const path = `sections[${s}]`;
        return (
          <section key={section.uid} aria-label={`Section ${s + 1}`} className="rounded-xl bg-white shadow-xs ring-1 ring-slate-200">
            <header className="flex flex-wrap items-center gap-2 border-b border-slate-100 px-5 py-3">
              <h2 className="text-sm font-semibold text-slate-900">Section {s + 1}</h2>
              <div className="ml-auto flex gap-1.5">
                <button
                  type="button"
                  className={iconButton}
                  disabled={s === 0}
                  onClick={() => restructure(move(sections, s, s - 1))}
                  aria-label={`Move section ${s + 1} up`}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className={iconButton}
                  disabled={s === sections.length - 1}
                  onClick={() => restructure(move(sections, s, s + 1))}
                  aria-label={`Move section ${s + 1} down`}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className={`${iconButton} text-red-700`}
                  onClick={() =>
                    window.confirm(`Remove section ${s + 1} and its ${section.items.length} items?`) && restructure(sections.filter((_, i) => i !== s))
                  }
                >
                  Remove section
                </button>
              </div>
            </header>
            <div className="space-y-4 px-5 py-4">
              <div className="grid gap-3 sm:grid-cols-6">
                <EditorField path={`${path}.title`} label="Section title" errors={errors} className="sm:col-span-4">
                  {(a) => <Input {...a} density="sm" value={section.title} onChange={(e) => setSection(s, { title: e.target.value })} />}
                </EditorField>
                <EditorField path={`${path}.key`} label="Section key" errors={errors} className="sm:col-span-2">
                  {(a) => <Input {...a} density="sm" value={section.key} onChange={(e) => setSection(s, { key: e.target.value })} className="font-mono" />}
                </EditorField>
                <EditorField path={`${path}.description`} label="Section description" errors={errors} className="sm:col-span-6">
                  {(a) => (
                    <Textarea {...a} density="sm" rows={2} value={section.description} onChange={(e) => setSection(s, { description: e.target.value })} />
                  )}
                </EditorField>
              </div>
              {errors[`${path}.items`] ? (
                <p role="alert" className="text-xs font-medium text-red-600">
                  {errors[`${path}.items`].join(". ")}
                </p>
              ) : null}
              <ol className="space-y-3">
                {section.items.map((item, i) => {
                  const itemPath = `${path}.items[${i}]`;
                  const hasError = Object.keys(errors).some((p) => p.startsWith(itemPath));
                  return (
                    <li key={item.uid} className="rounded-lg ring-1 ring-slate-200">
                      <details open={hasError || !item.title || undefined} className="group">
                        <summary className="flex cursor-pointer items-center gap-2 px-4 py-2.5 text-sm">
                          <span className={`font-medium ${hasError ? "text-red-700" : "text-slate-900"}`}>{item.title || "Untitled item"}</span>
                          {item.blocking ? <span className="rounded-full bg-red-50 px-2 py-0.5 text-xs text-red-700">Blocking</span> : null}
                          <span className="text-xs text-slate-500">weight {Number.isFinite(item.weight) ? item.weight : "?"}</span>
                          <span className="ml-auto flex gap-1.5" onClick={(e) => e.preventDefault()}>
                            <button
                              type="button"
                              className={iconButton}
                              disabled={i === 0}
                              onClick={() => restructure(sections.map((row, j) => (j === s ? { ...row, items: move(row.items, i, i - 1) } : row)))}
                              aria-label={`Move ${item.title || "item"} up`}
                            >
                              ↑
                            </button>
                            <button
                              type="button"
                              className={iconButton}
                              disabled={i === section.items.length - 1}
                              onClick={() => restructure(sections.map((row, j) => (j === s ? { ...row, items: move(row.items, i, i + 1) } : row)))}
                              aria-label={`Move ${item.title || "item"} down`}
                            >
                              ↓
                            </button>
                            <button
                              type="button"
                              className={`${iconButton} text-red-700`}
                              onClick={() =>
                                window.confirm(`Remove “${item.title || "this item"}”?`) &&
                                restructure(sections.map((row, j) => (j === s ? { ...row, items: row.items.filter((_, k) => k !== i) } : row)))
                              }
                            >
                              Remove
                            </button>
                          </span>
                        </summary>
                        <div className="border-t border-slate-100 px-4 py-3">
                          <EditorItem item={item} path={itemPath} errors={errors} onChange={(next) => setItem(s, i, next)} />
                        </div>
                      </details>
                    </li>
                  );
                })}
              </ol>
              <Button
                type="button"
                variant="ghost"
                onClick={() => {
                  setSection(s, { items: [...section.items, { ...blankItem(counter), uid: nextUid() }] });
                  setCounter(counter + 1);
                }}
              >
                + Add item to this section
              </Button>
            </div>
          </section>
        );
      })}

      <div className="sticky bottom-0 -mx-4 flex flex-wrap items-center gap-3 border-t border-slate-200 bg-slate-50/95 px-4 py-3 backdrop-blur sm:-mx-6 sm:px-6">
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            restructure([...sections, { ...blankSection(sections.length + 1, counter), uid: nextUid(), items: [{ ...blankItem(counter), uid: nextUid() }] }]);
            setCounter(counter + 1);
          }}
        >
          + Add section
        </Button>
        <div className="ml-auto flex gap-2">
          <ButtonLink href={`/templates/${id}`} variant="ghost">
            Cancel
          </ButtonLink>
          <Button type="button" onClick={save} disabled={pending}>
            {pending ? "Saving…" : "Save template"}
          </Button>
        </div>
      </div>
    </div>
  );
}
