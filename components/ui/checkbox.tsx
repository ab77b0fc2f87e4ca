import type { ComponentProps, ReactNode } from "react";

const box = "size-4 shrink-0 rounded border-slate-300 text-brand-600 focus:ring-brand-500";

/** A checkbox in the one look; `className` adds layout (a top margin beside a label). */
export function Checkbox({ className = "", ...props }: Omit<ComponentProps<"input">, "type">) {
  return <input type="checkbox" className={`${box} ${className}`} {...props} />;
}

/** A labelled checkbox with an optional hint and error, wired for screen readers. */
export function CheckboxField({
  name,
  label,
  hint,
  error,
  ...rest
}: { name: string; label: string; hint?: ReactNode; error?: string[] } & Omit<ComponentProps<"input">, "name" | "type">) {
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : "", error?.length ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <div className="flex items-start gap-2.5">
        <Checkbox id={id} name={name} aria-invalid={Boolean(error?.length)} aria-describedby={describedBy} className="mt-0.5" {...rest} />
        <label htmlFor={id} className="text-sm font-medium text-slate-700">
          {label}
        </label>
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 pl-6.5 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error?.length ? (
        <p id={`${id}-error`} role="alert" className="mt-1 pl-6.5 text-xs font-medium text-red-600">
          {error.join(". ")}
        </p>
      ) : null}
    </div>
  );
}
