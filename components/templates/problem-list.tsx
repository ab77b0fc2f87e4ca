import type { TemplateImportError } from "@/lib/templates/schema";
import { fieldId } from "./editor-model";

/** Every problem of a refused template, with the path of the bad field. */
export function ProblemList({ problems, linkToFields = false }: { problems: TemplateImportError[]; linkToFields?: boolean }) {
  if (problems.length === 0) return null;
  return (
    <ul className="mt-2 space-y-1" data-testid="template-problems">
      {problems.map((p, i) => (
        <li key={i} className="flex gap-2">
          <code className="shrink-0 rounded bg-white/70 px-1.5 py-0.5 font-mono text-xs">{p.path || "(file)"}</code>
          {linkToFields && p.path ? (
            <a href={`#${fieldId(p.path)}`} className="underline-offset-2 hover:underline">
              {p.message}
            </a>
          ) : (
            <span>{p.message}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
