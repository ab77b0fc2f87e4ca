import Link from "next/link";
import type { FirstStep } from "@/lib/portfolio/first-steps";

/** "What to do first": the three steps of a new installation, ticked off from the data. */
export function FirstStepsPanel({ steps }: { steps: FirstStep[] }) {
  const next = steps.find((s) => !s.done)?.key;
  const done = steps.filter((s) => s.done).length;
  return (
    <section aria-labelledby="first-steps-heading" className="rounded-lg bg-white p-5 shadow-xs ring-1 ring-brand-100">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="first-steps-heading" className="text-base font-semibold text-slate-900">
          What to do first
        </h2>
        <p className="text-sm text-slate-600">
          {done} of {steps.length} done · this goes away once all three are
        </p>
      </div>
      <ol className="mt-4 grid gap-3 md:grid-cols-3">
        {steps.map((step, index) => (
          <li
            key={step.key}
            className={`rounded-md p-4 ring-1 ring-inset ${step.done ? "bg-emerald-50 ring-emerald-200" : step.key === next ? "bg-brand-50 ring-brand-100" : "bg-slate-50 ring-slate-200"}`}
          >
            <p className="text-sm font-medium text-slate-900">
              <span aria-hidden="true" className="mr-1.5">
                {step.done ? "✓" : `${index + 1}.`}
              </span>
              {step.title}
              {step.done ? <span className="sr-only"> (done)</span> : null}
            </p>
            <p className="mt-1 text-sm text-slate-600">{step.description}</p>
            {step.done ? null : (
              <Link href={step.href} className="mt-2 inline-block text-sm font-medium text-brand-700 hover:underline">
                {step.action} →
              </Link>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
