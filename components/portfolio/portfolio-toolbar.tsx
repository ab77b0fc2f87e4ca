"use client";

import type { ReactTable } from "@tanstack/react-table";
import { useEffect, useState } from "react";
import { ARCHITECTURES, ARCHITECTURE_SHORT_LABELS, ENVIRONMENTS, ENVIRONMENT_LABELS, OUTCOMES, OUTCOME_LABELS } from "@/lib/domain/constants";
import type { PortfolioRow } from "@/lib/portfolio/export";
import { hasFilter, MAX_SEARCH_LENGTH, toSearchParams, type PortfolioQuery } from "@/lib/portfolio/schema";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { portfolioFeatures } from "./portfolio-columns";
import { Checkbox } from "@/components/ui/checkbox";

type Table = ReactTable<typeof portfolioFeatures, PortfolioRow>;

const SEARCH_DELAY_MS = 350;

/** Sets one column filter through the table (undefined removes it). */
function setFilter(table: Table, id: string, value: unknown) {
  table.setColumnFilters((prev) => [...prev.filter((f) => f.id !== id), ...(value === undefined || value === "" || value === false ? [] : [{ id, value }])]);
}

function FilterSelect({
  label,
  value,
  options,
  onChange,
  wide = false,
}: {
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (v: string) => void;
  wide?: boolean;
}) {
  return (
    <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
      {label}
      <Select value={value} onChange={(e) => onChange(e.target.value)} inline className={wide ? "w-64 max-w-full" : "w-44"}>
        <option value="">All</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </label>
  );
}

/** Search, filters and export of the portfolio; every change goes through the table to the URL. */
export function PortfolioToolbar({
  table,
  query,
  teams,
  templates,
  pending,
  onClearFilters,
}: {
  table: Table;
  query: PortfolioQuery;
  teams: string[];
  templates: { key: string; name: string }[];
  pending: boolean;
  /** Clears search and filters in one navigation (two table updates would each see stale state). */
  onClearFilters: () => void;
}) {
  const [search, setSearch] = useState(query.q);
  const assessed = query.template ? (templates.find((t) => t.key === query.template) ?? { key: query.template, name: query.template }) : null;
  // when the URL changes elsewhere (clear filters, back button), show its search text
  const [lastQ, setLastQ] = useState(query.q);
  if (lastQ !== query.q) {
    setLastQ(query.q);
    setSearch(query.q);
  }
  useEffect(() => {
    if (search.trim() === query.q) return;
    const timer = setTimeout(() => table.setGlobalFilter(search), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search, query.q, table]);

  const exportParams = toSearchParams(query, { page: 1, size: 25 });
  const exportHref = (format: "csv" | "json") => `/api/portfolio/export?format=${format}${exportParams.size ? `&${exportParams}` : ""}`;
  const filtered = hasFilter(query);

  return (
    <div className="flex flex-wrap items-end gap-3">
      <form
        role="search"
        className="flex flex-col gap-1 text-xs font-medium text-slate-600"
        onSubmit={(e) => {
          e.preventDefault();
          table.setGlobalFilter(search);
        }}
      >
        <label htmlFor="portfolio-search">Search</label>
        <Input
          id="portfolio-search"
          type="search"
          value={search}
          maxLength={MAX_SEARCH_LENGTH}
          onChange={(e) => setSearch(e.target.value)}
          placeholder="Name, team, region or tag"
          inline
          className="w-64"
        />
      </form>
      <FilterSelect
        label="Environment"
        value={query.env ?? ""}
        options={ENVIRONMENTS.map((v) => ({ value: v, label: ENVIRONMENT_LABELS[v] }))}
        onChange={(v) => setFilter(table, "environment", v)}
      />
      <FilterSelect
        label="Storage"
        value={query.arch ?? ""}
        options={ARCHITECTURES.map((v) => ({ value: v, label: ARCHITECTURE_SHORT_LABELS[v] }))}
        onChange={(v) => setFilter(table, "architecture", v)}
      />
      <FilterSelect
        // with an assessment chosen, the outcome filter means that template's outcome
        label={assessed ? `Outcome of ${assessed.name}` : "Outcome"}
        wide={!!assessed}
        value={query.outcome ?? ""}
        options={[...OUTCOMES.map((v) => ({ value: v, label: OUTCOME_LABELS[v] })), { value: "none", label: "No scorecard yet" }]}
        onChange={(v) => setFilter(table, "outcome", v)}
      />
      {templates.length > 1 || query.template ? (
        <FilterSelect
          label="Assessment"
          wide
          value={query.template}
          options={templates.map((t) => ({ value: t.key, label: t.name }))}
          onChange={(v) => setFilter(table, "templateOutcomes", v)}
        />
      ) : null}
      <FilterSelect label="Team" value={query.team} options={teams.map((t) => ({ value: t, label: t }))} onChange={(v) => setFilter(table, "ownerTeam", v)} />
      <label className="flex items-center gap-2 pb-2 text-sm text-slate-700">
        <Checkbox checked={query.regressed} onChange={(e) => setFilter(table, "regressedAt", e.target.checked)} />
        Regressed only
      </label>
      {filtered ? (
        <button
          type="button"
          className="pb-2 text-sm font-medium text-brand-700 hover:underline"
          // the search box empties itself when the new URL arrives (see above)
          onClick={onClearFilters}
          disabled={pending}
        >
          Clear filters
        </button>
      ) : null}
      <div className="ml-auto flex items-center gap-2 pb-0.5">
        <span className="text-xs text-slate-500">Export {filtered ? "these" : "all"} clusters:</span>
        <a
          href={exportHref("csv")}
          download
          className="rounded-md bg-white px-3 py-1.5 text-sm font-medium text-slate-800 shadow-xs ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
        >
          CSV
        </a>
        <a
          href={exportHref("json")}
          download
          className="rounded-md bg-white px-3 py-1.5 text-sm font-medium text-slate-800 shadow-xs ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
        >
          JSON
        </a>
      </div>
    </div>
  );
}
