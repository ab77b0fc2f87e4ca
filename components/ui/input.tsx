import type { ComponentProps } from "react";
import { controlClass, isInvalid, type ControlLook } from "./control";
import { Field, type LabelledProps } from "./field";

/** A text input in the one control look; its ring turns red when it is aria-invalid. */
export function Input({ density, inline, mono, className, ...props }: ComponentProps<"input"> & ControlLook) {
  return <input className={controlClass("input", { density, inline, mono }, isInvalid(props["aria-invalid"]), className)} {...props} />;
}

/** A file picker whose button looks like a secondary button. */
export function FileInput({ className = "", ...props }: Omit<ComponentProps<"input">, "type">) {
  return (
    <input
      type="file"
      className={`block text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-slate-800 file:ring-1 file:ring-inset file:ring-slate-300 hover:file:bg-slate-50 ${className}`}
      {...props}
    />
  );
}

/** An Input with its label, hint and error (see Field). */
export function TextInput({ name, id, label, hint, error, className, ...rest }: LabelledProps & Omit<ComponentProps<"input">, "name" | "className" | "id">) {
  return (
    <Field name={name} id={id} label={label} hint={hint} error={error} required={rest.required} className={className}>
      {(control) => <Input name={name} {...control} {...rest} />}
    </Field>
  );
}
