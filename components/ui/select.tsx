import type { ComponentProps } from "react";
import { controlClass, isInvalid, type ControlLook } from "./control";
import { Field, type LabelledProps } from "./field";

/** A drop-down in the one control look; its ring turns red when it is aria-invalid. Pass the options as children. */
export function Select({ density, inline, mono, className, ...props }: ComponentProps<"select"> & ControlLook) {
  return <select className={controlClass("select", { density, inline, mono }, isInvalid(props["aria-invalid"]), className)} {...props} />;
}

/** A labelled drop-down with its hint and error, options given as a list. */
export function SelectInput({
  name,
  id,
  label,
  hint,
  error,
  className,
  options,
  ...rest
}: LabelledProps & { options: { value: string; label: string }[] } & Omit<ComponentProps<"select">, "name" | "className" | "id">) {
  return (
    <Field name={name} id={id} label={label} hint={hint} error={error} required={rest.required} className={className}>
      {(control) => (
        <select name={name} className={controlClass("select", {}, control["aria-invalid"])} {...control} {...rest}>
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
