import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "./markdown";

const render = (text: string) => renderToStaticMarkup(createElement(Markdown, null, text));

describe("Markdown", () => {
  it("renders Markdown and GitHub tables", () => {
    const html = render("**lag** recovered\n\n| a | b |\n| - | - |\n| 1 | 2 |");
    expect(html).toContain("<strong>lag</strong>");
    expect(html).toContain("<table");
  });

  it("never renders raw HTML or scripts", () => {
    const html = render('<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n<b>raw</b> <iframe src="https://evil.example"></iframe> text');
    expect(html).not.toMatch(/<script|<img|<iframe|onerror|<b>/i);
    expect(html).toContain("text");
  });

  it("drops javascript: links and marks links noopener, noreferrer, nofollow", () => {
    const html = render("[click](javascript:alert(1)) and [docs](https://kafka.apache.org/documentation/)");
    expect(html).not.toContain("javascript:");
    expect(html).toContain('href="https://kafka.apache.org/documentation/"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
  });

  it("shows an image's text instead of loading it from another host", () => {
    const html = render("![latency graph](https://evil.example/pixel.png)");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("evil.example");
    expect(html.replace(/<!-- -->/g, "")).toContain("[image: latency graph]");
  });
});
