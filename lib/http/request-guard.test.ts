import { describe, expect, it } from "vitest";
import { actionContentType, checkFormPayload, checkTextPayload } from "./action-payload";
import { originRefusal, requestOrigin, serverActionBodyRefusal, urlRefusal } from "./request-guard";

const H = (init: Record<string, string>) => new Headers({ host: "drillbook.example", ...init });
const cookie = "better-auth.session_token=abc.def";

describe("the origin rule", () => {
  it("lets a same-origin change with the session cookie through", () => {
    expect(originRefusal("POST", "/clusters/new", H({ cookie, origin: "https://drillbook.example" }))).toBeNull();
    expect(originRefusal("POST", "/clusters/new", H({ cookie, "sec-fetch-site": "same-origin" }))).toBeNull();
  });

  it("refuses a change with the session cookie and no Origin (the createClusterAction replay)", () => {
    expect(originRefusal("POST", "/clusters/new", H({ cookie }))?.status).toBe(403);
    expect(originRefusal("POST", "/clusters/new", H({ cookie: `__Secure-${cookie}` }))?.status).toBe(403);
  });

  it.each(["https://evil.example", "null", "::::", "https://drillbook.example.evil.example"])("refuses Origin %s on any change", (origin) => {
    expect(originRefusal("POST", "/sign-in", H({ origin }))?.status).toBe(403);
  });

  it("leaves reads, and API calls with a bearer token, alone", () => {
    expect(originRefusal("GET", "/clusters", H({ cookie, origin: "https://evil.example" }))).toBeNull();
    expect(originRefusal("POST", "/api/v1/drills", H({ cookie, authorization: "Bearer dbk_x" }))).toBeNull();
    // a bearer header does not exempt a page or action, which read the cookie
    expect(originRefusal("POST", "/clusters/new", H({ cookie, authorization: "Bearer dbk_x" }))?.status).toBe(403);
  });

  it("reads a cross-site fetch without Origin as cross", () => {
    expect(requestOrigin(H({ "sec-fetch-site": "cross-site" }))).toBe("cross");
    expect(requestOrigin(H({}))).toBe("unknown");
  });
});

describe("server-action bodies", () => {
  const action = (headers: Record<string, string>) => H({ "next-action": "abc", ...headers });
  it("are refused over the limit (413) or without a length (411)", () => {
    expect(serverActionBodyRefusal("POST", action({ "content-length": String(12 * 1024 * 1024 + 1) }))?.status).toBe(413);
    expect(serverActionBodyRefusal("POST", action({}))?.status).toBe(411);
    expect(serverActionBodyRefusal("POST", action({ "content-length": "12" }))).toBeNull();
    expect(serverActionBodyRefusal("POST", H({ "content-length": "999999999" }))).toBeNull();
  });

  it("must be a reply Next can decode", () => {
    expect(checkTextPayload('[{"id":"x"},"$undefined","$$5","$D2025-01-01T00:00:00.000Z"]')).toEqual({ ok: true });
    expect(checkTextPayload("{{{not json")).toMatchObject({ ok: false, status: 400 });
    expect(checkTextPayload('["$@1"]')).toMatchObject({ ok: false, message: "The request refers to a part it does not contain." });
    expect(checkTextPayload('["$Zq"]')).toMatchObject({ ok: false });
    const form = new FormData();
    form.set("0", '["$K1", "$@a"]');
    form.set("1_name", "x");
    expect(checkFormPayload(form)).toMatchObject({ ok: false });
    form.set("10", '"later"');
    expect(checkFormPayload(form)).toEqual({ ok: true });
    expect(actionContentType("application/json")).toBeNull();
    expect(actionContentType("multipart/form-data")).toBeNull();
    expect(actionContentType("multipart/form-data; boundary=x")).toBe("multipart");
  });
});

describe("addresses", () => {
  it.each(["/api/v1/clusters/%", "/clusters/%zz", "/clusters/%E0%A4%A", "/clusters/%00", "/x/%ED%A0%80"])("refuses %s with a 400", (path) => {
    expect(urlRefusal(path, "")?.status).toBe(400);
  });

  it("refuses a NUL or a broken escape in the query, and keeps ordinary ones", () => {
    expect(urlRefusal("/clusters", "?q=a%00b")?.status).toBe(400);
    expect(urlRefusal("/clusters", "?q=%zz")?.status).toBe(400);
    expect(urlRefusal("/clusters/abc", "?q=kafka+prod&sort=name%2Casc&x=caf%C3%A9")).toBeNull();
  });
});
