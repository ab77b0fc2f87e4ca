/**
 * The one permissions table. Every server action, route handler and query asks
 * `can(role, permission)` (through requirePermission in lib/auth/session.ts); nothing else decides
 * who may do what. Pure, so it is unit-tested and usable in client components for hiding
 * buttons (the server still checks).
 */
export const ROLES = ["none", "viewer", "editor", "approver", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  none: "No access",
  viewer: "Viewer",
  editor: "Editor",
  approver: "Approver",
  admin: "Admin",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  none: "Can sign in but sees nothing (account parked).",
  viewer: "Reads clusters, scorecards, drills and reports.",
  editor: "Also creates and edits clusters, scorecards, drills and templates, and requests reviews.",
  approver: "Also signs off design reviews and decides exemptions.",
  admin: "Everything, plus users, teams, API tokens and the audit log.",
};

export type Permission =
  | "cluster:read"
  | "cluster:write"
  | "cluster:delete"
  | "scorecard:read"
  | "scorecard:write"
  | "drill:read"
  | "drill:write"
  | "template:read"
  | "template:write"
  | "review:request"
  | "review:sign"
  | "exemption:decide"
  | "report:read"
  | "badge:read"
  | "user:manage"
  | "token:manage"
  | "audit:read"
  | "datasource:manage"
  | "team:manage";

const READ: Permission[] = ["cluster:read", "scorecard:read", "drill:read", "template:read", "report:read", "badge:read"];
const EDIT: Permission[] = [...READ, "cluster:write", "scorecard:write", "drill:write", "template:write", "review:request"];
const APPROVE: Permission[] = [...EDIT, "review:sign", "exemption:decide"];
const ADMIN: Permission[] = [...APPROVE, "cluster:delete", "user:manage", "token:manage", "audit:read", "datasource:manage", "team:manage"];

const TABLE: Record<Role, ReadonlySet<Permission>> = {
  none: new Set(),
  viewer: new Set(READ),
  editor: new Set(EDIT),
  approver: new Set(APPROVE),
  admin: new Set(ADMIN),
};

/** Narrows any stored role string; unknown roles get no access. */
export function toRole(value: string | null | undefined): Role {
  return (ROLES as readonly string[]).includes(value ?? "") ? (value as Role) : "none";
}

/** Whether `role` holds `permission`. */
export function can(role: string | null | undefined, permission: Permission): boolean {
  return TABLE[toRole(role)].has(permission);
}
