/**
 * Role mapping for OpenID Connect sign-in (pure). The configured claim may hold a role name
 * or a list of them (group claims), at the top level or at a dotted path such as
 * "realm_access.roles". Values are matched to Drillbook roles ignoring case; with several
 * matches the most capable role wins; anything else gets the default role.
 */
import { ROLES, type Role } from "@/lib/access/permissions";

function readClaim(claims: Record<string, unknown>, name: string): unknown {
  if (name in claims) return claims[name];
  let value: unknown = claims;
  for (const part of name.split(".")) {
    if (value === null || typeof value !== "object" || !(part in (value as object))) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** The Drillbook role for these ID-token/userinfo claims. */
export function roleFromClaims(claims: Record<string, unknown>, claimName: string, defaultRole: Role): Role {
  const raw = readClaim(claims, claimName);
  const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === "string").map((v) => v.trim().toLowerCase());
  const matched = ROLES.filter((role) => values.includes(role));
  // ROLES is ordered from least to most capable
  return matched.length ? matched[matched.length - 1] : defaultRole;
}
