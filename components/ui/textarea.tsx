import type { ComponentProps } from "react";
import { controlClass, isInvalid, type ControlLook } from "./control";
import { Field, type LabelledProps } from "./field";

/** A textarea in the one control look; its ring turns red when it is aria-invalid. */
export function Textarea({ density, inline, mono, className, ...props }: ComponentProps<"textarea"> & ControlLook) {
  return <textarea className={controlClass("textarea", { density, inline, mono }, isInvalid(props["aria-invalid"]), className)} {...props} />;
}

/** A Textarea (four rows unless told) with its label, hint and error (see Field). */
export function TextArea({ name, id, label, hint, error, className, ...rest }: LabelledProps & Omit<ComponentProps<"textarea">, "name" | "className" | "id">) {
  return (
    <Field name={name} id={id} label={label} hint={hint} error={error} required={rest.required} className={className}>
      {(control) => <Textarea name={name} rows={4} {...control} {...rest} />}
    </Field>
  );
}
