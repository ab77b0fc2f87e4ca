/**
 * Messages for the error codes better-auth appends to the sign-in page when a single
 * sign-on fails (`/sign-in?error=<code>`). Pure, shared by the page and its test.
 */
const MESSAGES: Record<string, string> = {
  account_not_linked: "An account with this email already exists and signs in with a password. Sign in with your password, or ask an admin.",
  access_denied: "The sign-in was cancelled at the identity provider.",
  email_not_found: "The identity provider did not share an email address, which Drillbook needs.",
  signup_disabled: "New accounts cannot be created through single sign-on.",
  unable_to_create_user: "Drillbook could not create your account. Ask an admin.",
  state_not_found: "The sign-in expired or was started in another browser. Try again.",
  state_mismatch: "The sign-in expired or was started in another browser. Try again.",
  invalid_callback_request: "The identity provider sent an unexpected answer. Try again.",
};

/** A readable message for an SSO error code, or null when there is none. */
export function ssoErrorMessage(code: string | undefined): string | null {
  if (!code) return null;
  const clean = code
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, "")
    .slice(0, 60);
  return MESSAGES[clean] ?? `Single sign-on failed${clean ? ` (${clean})` : ""}. Try again, or sign in with your password.`;
}
