/**
 * The scopes an API token can carry and what each allows (pure, no Node APIs: the token
 * form imports it in the browser).
 */
import type { Permission } from "@/lib/access/permissions";

export const API_SCOPES = ["read", "read:badge", "write:clusters", "write:drills", "write:evidence", "admin:datasources"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const SCOPE_LABELS: Record<ApiScope, string> = {
  read: "Read",
  "read:badge": "Badges only",
  "write:clusters": "Write clusters",
  "write:drills": "Write drills",
  "write:evidence": "Write evidence",
  "admin:datasources": "Manage data sources",
};

export const SCOPE_DESCRIPTIONS: Record<ApiScope, string> = {
  read: "List and read clusters, scorecards, drills and reports.",
  "read:badge": "Only the readiness badge images (safe to put in a wiki page's image address).",
  "write:clusters": "Register clusters from an inventory or infrastructure pipeline.",
  "write:drills": "Post drill results, measurements and metric series.",
  "write:evidence": "Attach evidence to scorecard items.",
  "admin:datasources": "List, add, change and delete Prometheus data sources (admins only).",
};

/** The permission each scope grants (still bounded by the creator's current role). */
const SCOPE_PERMISSIONS: Record<ApiScope, readonly Permission[]> = {
  read: ["cluster:read", "scorecard:read", "drill:read", "template:read", "report:read", "badge:read"],
  "read:badge": ["badge:read"],
  "write:clusters": ["cluster:write"],
  "write:drills": ["drill:write"],
  "write:evidence": ["scorecard:write"],
  "admin:datasources": ["datasource:manage"],
};

/** Whether a token with `scopes` may use `permission` (before the role check). */
export function scopesAllow(scopes: readonly string[], permission: Permission): boolean {
  return scopes.some((s) => (API_SCOPES as readonly string[]).includes(s) && SCOPE_PERMISSIONS[s as ApiScope].includes(permission));
}

/** The scope a client must hold for `permission` (for error messages and the API document). */
export function scopeFor(permission: Permission): ApiScope | null {
  return API_SCOPES.find((s) => SCOPE_PERMISSIONS[s].includes(permission)) ?? null;
}

/** Lifetimes offered when creating a token: tokens always expire, at most after a year. */
export const TOKEN_LIFETIMES_DAYS = [7, 30, 90, 180, 365] as const;
