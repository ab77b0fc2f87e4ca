import { afterEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { decryptSecret, encryptSecret, parseEncryptionKey, resetSecretKeyForTests } from "./secret-box";

const KEY = "a".repeat(64);

afterEach(() => {
  delete process.env.DRILLBOOK_ENCRYPTION_KEY;
  resetEnvForTests();
  resetSecretKeyForTests();
});

function useKey(value: string) {
  process.env.DRILLBOOK_ENCRYPTION_KEY = value;
  resetEnvForTests();
  resetSecretKeyForTests();
}

describe("secret box", () => {
  it("round-trips a secret and never stores it in clear", () => {
    useKey(KEY);
    const box = encryptSecret("s3cret-pässword");
    expect(box.startsWith("v1.")).toBe(true);
    expect(box).not.toContain("s3cret");
    expect(decryptSecret(box)).toBe("s3cret-pässword");
    expect(encryptSecret("s3cret-pässword")).not.toBe(box);
  });

  it("refuses an altered box and a different key", () => {
    useKey(KEY);
    const box = encryptSecret("token");
    const flipped = box.slice(0, -2) + (box.at(-2) === "A" ? "B" : "A") + box.at(-1);
    expect(() => decryptSecret(flipped)).toThrow();
    useKey("b".repeat(64));
    expect(() => decryptSecret(box)).toThrow();
  });

  it("accepts 32-byte keys only", () => {
    expect(parseEncryptionKey(Buffer.alloc(32, 7).toString("base64")).length).toBe(32);
    expect(() => parseEncryptionKey("short")).toThrow(/32 bytes/);
  });
});
