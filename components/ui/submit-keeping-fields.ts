"use client";

import { startTransition, type FormEvent } from "react";

/**
 * An onSubmit handler that dispatches the form's data to a useActionState action without
 * React's automatic form reset. The reset would put controlled radios and checkboxes back to
 * their first values on screen while the component state keeps the person's choices, so the
 * next submit would send something else than what the form shows.
 */
export function submitKeepingFields(dispatch: (formData: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter);
    startTransition(() => dispatch(formData));
  };
}
