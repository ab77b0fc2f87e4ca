import type { ReactNode } from "react";

/** What a Field hands its control: spread it on an Input, Textarea or Select. */
export interface FieldControlProps {
  id: string;
  "aria-invalid": boolean;
  "aria-describedby"?: string;
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
  children: (control: FieldControlProps) => ReactNode;
  className?: string;
}

/**
 * Label, control, hint and error wired together for screen readers (errors are announced).
 * The control is the caller's (usually Input, Textarea or Select, which draw the red ring of an
 * aria-invalid control); TextInput, TextArea and SelectInput are the usual pairings.
 */
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
      <div className="mt-1">{children({ id, "aria-invalid": Boolean(error?.length), "aria-describedby": describedBy })}</div>
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

/** The props every labelled control (TextInput, TextArea, SelectInput) takes besides its element's. */
export type LabelledProps = { name: string; id?: string; label: string; hint?: ReactNode; error?: string[]; className?: string };

/** The note that explains the required mark, for the top of a form that uses it. */
export function RequiredNote() {
  return (
    <p className="text-xs text-slate-600">
      Fields marked <span className="text-brand-700">*</span> are required.
    </p>
  );
}
