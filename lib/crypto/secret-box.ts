/**
 * Encryption at rest for credentials Drillbook must use again (data source passwords and
 * tokens, Kafka SASL passwords): AES-256-GCM from node:crypto, which is the standard
 * library's authenticated cipher, so no extra dependency. The key is DRILLBOOK_ENCRYPTION_KEY
 * (32 bytes, base64 or hex) or, when unset, derived from the auth signing secret with HKDF,
 * so a single-server setup needs no extra setting. A stored box is
 * `v1.<base64url(iv ‖ tag ‖ ciphertext)>`; the version prefix leaves room for key rotation.
 */
import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";
import { env } from "@/lib/env";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Parses DRILLBOOK_ENCRYPTION_KEY: 32 bytes given as 64 hex digits or as base64. */
export function parseEncryptionKey(value: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, "hex") : Buffer.from(value, "base64");
  if (key.length !== 32) throw new Error("DRILLBOOK_ENCRYPTION_KEY must be 32 bytes (64 hex digits or base64, e.g. `openssl rand -base64 32`)");
  return key;
}

let cachedKey: Buffer | undefined;

function key(): Buffer {
  if (cachedKey) return cachedKey;
  const configured = env().DRILLBOOK_ENCRYPTION_KEY;
  cachedKey = configured ? parseEncryptionKey(configured) : Buffer.from(hkdfSync("sha256", authSecret(), "drillbook", "drillbook secret box v1", 32));
  return cachedKey;
}

/** Encrypts a secret for storage; every call uses a fresh IV. */
export function encryptSecret(plaintext: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
}

/** Decrypts what encryptSecret stored; throws when the box was altered or the key changed. */
export function decryptSecret(box: string): string {
  const [version, payload] = box.split(".", 2);
  if (version !== VERSION || !payload) throw new Error("Unknown secret format");
  const raw = Buffer.from(payload, "base64url");
  if (raw.length < IV_BYTES + TAG_BYTES) throw new Error("Secret is truncated");
  const decipher = createDecipheriv("aes-256-gcm", key(), raw.subarray(0, IV_BYTES));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
}

/** Test helper: forget the derived key after a test changed the configuration. */
export function resetSecretKeyForTests(): void {
  cachedKey = undefined;
}
