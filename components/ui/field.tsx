import type { ComponentProps, ReactNode } from "react";

const control =
  "block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-xs ring-1 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-brand-500 focus:outline-none";

function ringFor(error?: string[]) {
  return error?.length ? "ring-red-400" : "ring-slate-300";
}

interface FieldProps {
  name: string;
  /** Element id; defaults to `field-<name>`. Give one when a page repeats a form. */
  id?: string;
  label: string;
  hint?: ReactNode;
  error?: string[];
  /** shows the required mark beside the label (the control carries `required` itself) */
  required?: boolean;
  children: (a11y: { id: string; "aria-invalid": boolean; "aria-describedby"?: string; className: string }) => ReactNode;
  className?: string;
}

/** Label, control, hint and error wired together for screen readers (errors are announced). */
export function Field({ name, id: idProp, label, hint, error, required, children, className = "" }: FieldProps) {
  const id = idProp ?? `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : "", error?.length ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <div className="flex items-baseline gap-0.5">
        <label htmlFor={id} className="block text-sm font-medium text-slate-700">
          {label}
        </label>
        {/* outside the label so the field's name stays "Version", and hidden from screen readers:
            the control's own `required` already says it */}
        {required ? (
          <span aria-hidden="true" className="text-sm text-brand-700">
            *
          </span>
        ) : null}
      </div>
      <div className="mt-1">
        {children({ id, "aria-invalid": Boolean(error?.length), "aria-describedby": describedBy, className: `${control} ${ringFor(error)}` })}
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error?.length ? (
        <p id={`${id}-error`} role="alert" className="mt-1 text-xs font-medium text-red-600">
          {error.join(". ")}
        </p>
      ) : null}
    </div>
  );
}

type BaseProps = { name: string; id?: string; label: string; hint?: ReactNode; error?: string[]; className?: string };

export function TextInput({ name, id, label, hint, error, className, ...rest }: BaseProps & Omit<ComponentProps<"input">, "name" | "className" | "id">) {
  return (
    <Field name={name} id={id} label={label} hint={hint} error={error} required={rest.required} className={className}>
      {(a11y) => <input name={name} {...a11y} {...rest} />}
    </Field>
  );
}

export function TextArea({ name, id, label, hint, error, className, ...rest }: BaseProps & Omit<ComponentProps<"textarea">, "name" | "className" | "id">) {
  return (
    <Field name={name} id={id} label={label} hint={hint} error={error} required={rest.required} className={className}>
      {(a11y) => <textarea name={name} rows={4} {...a11y} {...rest} />}
    </Field>
  );
}

export function SelectInput({
  name,
  id,
  label,
  hint,
  error,
  className,
  options,
  ...rest
}: BaseProps & { options: { value: string; label: string }[] } & Omit<ComponentProps<"select">, "name" | "className" | "id">) {
  return (
    <Field name={name} id={id} label={label} hint={hint} error={error} required={rest.required} className={className}>
      {(a11y) => (
        <select name={name} {...a11y} {...rest}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The note that explains the required mark, for the top of a form that uses it. */
export function RequiredNote() {
  return (
    <p className="text-xs text-slate-600">
      Fields marked <span className="text-brand-700">*</span> are required.
    </p>
  );
}
