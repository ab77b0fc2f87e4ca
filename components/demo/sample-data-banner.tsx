import Link from "next/link";

/** Says plainly that what is shown is made up, and (for admins) where it is removed. */
export function SampleDataBanner({ what, canRemove }: { what: "portfolio" | "cluster"; canRemove: boolean }) {
  return (
    <div
      role="note"
      aria-label="Sample data"
      className="mb-4 flex flex-wrap items-center justify-between gap-2 rounded-md bg-violet-50 px-4 py-3 text-sm text-violet-900 ring-1 ring-inset ring-violet-200"
    >
      <p>
        <span className="mr-2 rounded-full bg-violet-200 px-2 py-0.5 text-xs font-semibold text-violet-900">Sample</span>
        {what === "portfolio"
          ? "This portfolio includes a demo: clusters tagged “sample” are made up to show what Drillbook does."
          : "This is a sample cluster of the demo portfolio: its scorecards, drills and reviews are made up."}
      </p>
      {canRemove ? (
        <Link href="/admin/sample-data" className="font-medium text-violet-900 underline">
          Remove sample data
        </Link>
      ) : null}
    </div>
  );
}
