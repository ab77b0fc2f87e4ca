/**
 * Notes are Markdown, written by people and printed in reports. A report keeps a note's
 * links only when they lead to a web page or an email address (http, https, mailto); any
 * other link (`javascript:`, `data:`, `vbscript:`, a relative path that means nothing in a
 * downloaded file) is replaced by its text, an image by its description, and a link
 * definition is dropped. The note is parsed with the same CommonMark parser react-markdown
 * uses (mdast-util-from-markdown), because a regular expression misses the many ways
 * Markdown can spell a link (autolinks, references, titles, nested brackets). Pure.
 */
import { fromMarkdown } from "mdast-util-from-markdown";
import type { Nodes } from "mdast";

/** Whether a link target is an absolute http(s) or mailto address. */
export function isSafeLinkTarget(url: string): boolean {
  try {
    return ["http:", "https:", "mailto:"].includes(new URL(url.trim()).protocol);
  } catch {
    return false;
  }
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

function textOf(node: Nodes): string {
  if ("value" in node && typeof node.value === "string") return node.value;
  if (node.type === "image" || node.type === "imageReference") return node.alt ?? "";
  return "children" in node ? node.children.map((child) => textOf(child as Nodes)).join("") : "";
}

// the replacement text is shown as text, not read as Markdown again
const escapeMarkdown = (text: string) => text.replace(/[\\`*_[\]<>!#|~]/g, (c) => `\\${c}`);

function collect(node: Nodes, unsafeIds: Set<string>, edits: Edit[], escape: boolean): void {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  const unsafe =
    ((node.type === "link" || node.type === "image") && !isSafeLinkTarget(node.url)) ||
    ((node.type === "linkReference" || node.type === "imageReference") && unsafeIds.has(node.identifier)) ||
    (node.type === "definition" && unsafeIds.has(node.identifier));
  if (unsafe && start !== undefined && end !== undefined) {
    const text = node.type === "definition" ? "" : textOf(node);
    edits.push({ start, end, text: escape ? escapeMarkdown(text) : text });
    return;
  }
  if ("children" in node) for (const child of node.children) collect(child as Nodes, unsafeIds, edits, escape);
}

function unsafeDefinitions(node: Nodes, out = new Set<string>()): Set<string> {
  if (node.type === "definition" && !isSafeLinkTarget(node.url)) out.add(node.identifier);
  if ("children" in node) for (const child of node.children) unsafeDefinitions(child as Nodes, out);
  return out;
}

/**
 * The Markdown text with every link that is not http(s)/mailto reduced to its text;
 * `escape: false` leaves that text unescaped, for renderers that show notes as plain text.
 */
export function dropUnsafeLinks(markdown: string, { escape = true }: { escape?: boolean } = {}): string {
  if (!/[[\]<:]/.test(markdown)) return markdown; // nothing that could be a link
  const tree = fromMarkdown(markdown);
  const edits: Edit[] = [];
  collect(tree, unsafeDefinitions(tree), edits, escape);
  let out = markdown;
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}
