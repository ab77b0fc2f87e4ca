import { describe, expect, it } from "vitest";
import { boundaryString, findUnsafeText, isSafeText } from "./text";

describe("boundary strings", () => {
  it.each([
    ["a\u0000b", "must not contain a NUL character"],
    ["x\ud800", "must be valid Unicode text"],
    ["\udc00y", "must be valid Unicode text"],
  ])("refuse %j with a field message", (value, message) => {
    const result = boundaryString(undefined, { label: "Name" }).safeParse(value);
    expect(result.error?.issues[0].message).toBe(`Name ${message}`);
  });

  it("accept well-formed text, including pairs of surrogates (emoji)", () => {
    expect(boundaryString().parse("Grüße 🚀")).toBe("Grüße 🚀");
    expect(isSafeText("🚀")).toBe(true);
  });

  it("are bounded in length even when a schema forgets to say so", () => {
    expect(boundaryString().safeParse("x".repeat(1_000_001)).success).toBe(false);
    expect(boundaryString(undefined, { max: 5 }).safeParse("123456").success).toBe(false);
  });

  it("keep chaining like z.string()", () => {
    expect(boundaryString().trim().min(1).parse("  a  ")).toBe("a");
  });
});

describe("findUnsafeText", () => {
  it("finds unsafe text anywhere in a payload, keys included, with its path", () => {
    expect(findUnsafeText({ a: [{ b: "ok" }, { c: "no\u0000" }] })).toEqual({ path: "a.1.c", message: "This text must not contain a NUL character" });
    expect(findUnsafeText({ ["k\ud800"]: 1 })?.message).toBe("A field name must be valid Unicode text");
    expect(findUnsafeText({ name: "fine", n: 3, list: ["x"], none: null })).toBeNull();
  });

  it("refuses a __proto__ key", () => {
    expect(findUnsafeText(JSON.parse('{"__proto__": {"admin": true}}'))).toEqual({ path: "__proto__", message: 'The field name "__proto__" is not allowed' });
  });
});
