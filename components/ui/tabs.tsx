"use client";

import type { KeyboardEvent, ReactNode } from "react";

/**
 * Tabs (the WAI-ARIA tabs pattern): a tablist whose tabs switch one panel each, with a roving
 * tabindex (only the chosen tab is in the Tab order) and ArrowLeft/ArrowRight/Home/End moving
 * the choice. Hand-written: it is a dozen lines of state and keys, and the project has no UI
 * library to build it on. The caller holds the chosen key; TabPanel shows the chosen panel.
 */
const tabId = (id: string, key: string) => `${id}-tab-${key}`;
const panelId = (id: string, key: string) => `${id}-panel-${key}`;

export function Tabs<K extends string>({
  id,
  label,
  tabs,
  value,
  onChange,
  className = "",
}: {
  /** shared with the TabPanels; ids of tabs and panels derive from it */
  id: string;
  /** the tablist's accessible name */
  label: string;
  tabs: readonly { key: K; label: ReactNode }[];
  value: K;
  onChange: (key: K) => void;
  className?: string;
}) {
  const move = (event: KeyboardEvent, index: number) => {
    const last = tabs.length - 1;
    const next = { ArrowLeft: index === 0 ? last : index - 1, ArrowRight: index === last ? 0 : index + 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    onChange(tabs[next].key);
    document.getElementById(tabId(id, tabs[next].key))?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className={`flex rounded-md bg-slate-100 p-0.5 text-xs ${className}`}>
      {tabs.map((tab, index) => {
        const selected = tab.key === value;
        return (
          <button
            key={tab.key}
            type="button"
            role="tab"
            id={tabId(id, tab.key)}
            aria-selected={selected}
            aria-controls={panelId(id, tab.key)}
            tabIndex={selected ? 0 : -1}
            onClick={() => onChange(tab.key)}
            onKeyDown={(event) => move(event, index)}
            className={`rounded px-2 py-0.5 ${selected ? "bg-white font-medium shadow-xs" : "text-slate-600"}`}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}

/**
 * The panel of one tab. Every tab's panel is rendered (so each tab's aria-controls points at an
 * element); only the chosen one shows, and only it renders its children.
 */
export function TabPanel({ id, tab, value, children, className = "" }: { id: string; tab: string; value: string; children: ReactNode; className?: string }) {
  const selected = tab === value;
  return (
    <div role="tabpanel" id={panelId(id, tab)} aria-labelledby={tabId(id, tab)} hidden={!selected} className={className}>
      {selected ? children : null}
    </div>
  );
}
