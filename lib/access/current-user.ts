/**
 * Who is acting: the signed-in person (or the API token's creator). Lives with the permission
 * rules, below every domain, so that code which only needs the type (audit, records of who did
 * what) does not depend on the session machinery in lib/auth.
 */
import type { Role } from "./permissions";

export interface CurrentUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  /** set when the request authenticated with an API token created by this user */
  apiToken?: { id: string; prefix: string; name: string; scopes: string[] };
}
