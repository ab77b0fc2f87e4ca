/**
 * Which evidence files are accepted, decided from the file name's extension and confirmed
 * by looking at the bytes (a renamed executable is not a PDF). The stored MIME type comes
 * from this table, never from what the browser claimed. Pure: no Next, React or Prisma.
 */

export interface AllowedFileType {
  mime: string;
  label: string;
  extensions: readonly string[];
  /** How the content is confirmed. */
  check: "pdf" | "png" | "jpeg" | "gif" | "webp" | "zip" | "gzip" | "text" | "json";
}

export const ALLOWED_FILE_TYPES: readonly AllowedFileType[] = [
  { mime: "application/pdf", label: "PDF", extensions: ["pdf"], check: "pdf" },
  { mime: "image/png", label: "PNG", extensions: ["png"], check: "png" },
  { mime: "image/jpeg", label: "JPEG", extensions: ["jpg", "jpeg"], check: "jpeg" },
  { mime: "image/gif", label: "GIF", extensions: ["gif"], check: "gif" },
  { mime: "image/webp", label: "WebP", extensions: ["webp"], check: "webp" },
  { mime: "text/plain", label: "text", extensions: ["txt", "log"], check: "text" },
  { mime: "text/csv", label: "CSV", extensions: ["csv"], check: "text" },
  { mime: "text/markdown", label: "Markdown", extensions: ["md", "markdown"], check: "text" },
  { mime: "application/yaml", label: "YAML", extensions: ["yaml", "yml"], check: "text" },
  { mime: "application/json", label: "JSON", extensions: ["json"], check: "json" },
  { mime: "application/zip", label: "ZIP", extensions: ["zip"], check: "zip" },
  { mime: "application/gzip", label: "gzip", extensions: ["gz", "tgz"], check: "gzip" },
];

/** For the file input's accept attribute and the hint under it. */
export const ACCEPT_ATTRIBUTE = ALLOWED_FILE_TYPES.flatMap((t) => t.extensions.map((e) => `.${e}`)).join(",");
export const ALLOWED_TYPES_TEXT = ALLOWED_FILE_TYPES.map((t) => t.label).join(", ");

export type FileTypeResult = { ok: true; mime: string; label: string } | { ok: false; message: string };

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

function isText(bytes: Uint8Array): boolean {
  // a NUL byte never occurs in UTF-8 text but is common in binaries
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function contentMatches(check: AllowedFileType["check"], bytes: Uint8Array): boolean {
  switch (check) {
    case "pdf":
      return startsWith(bytes, ascii("%PDF-"));
    case "png":
      return startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case "jpeg":
      return startsWith(bytes, [0xff, 0xd8, 0xff]);
    case "gif":
      return startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"));
    case "webp":
      return startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8);
    case "zip":
      // local file header, or the end record of an empty archive
      return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]);
    case "gzip":
      return startsWith(bytes, [0x1f, 0x8b]);
    case "text":
      return isText(bytes);
    case "json":
      if (!isText(bytes)) return false;
      try {
        JSON.parse(new TextDecoder().decode(bytes));
        return true;
      } catch {
        return false;
      }
  }
}

/** The extension of a file name, lowercased, without the dot ("" when there is none). */
export function extensionOf(filename: string): string {
  const base = filename.split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
}

/**
 * Decides whether a file may be stored as evidence and under which MIME type. Refuses
 * empty files, unknown extensions and content that does not match the extension.
 */
export function detectFileType(filename: string, bytes: Uint8Array): FileTypeResult {
  if (bytes.length === 0) return { ok: false, message: "The file is empty" };
  const extension = extensionOf(filename);
  const type = ALLOWED_FILE_TYPES.find((t) => t.extensions.includes(extension));
  if (!type) {
    const what = extension ? `.${extension} files are` : "Files without an extension are";
    return { ok: false, message: `${what} not accepted. Allowed: ${ALLOWED_TYPES_TEXT}` };
  }
  if (!contentMatches(type.check, bytes)) {
    const article = /^[AEIOU]/.test(type.label) ? "an" : "a";
    return { ok: false, message: `The file is named .${extension} but its content is not ${article} ${type.label} file` };
  }
  return { ok: true, mime: type.mime, label: type.label };
}

/**
 * A file name safe to store and to send back in Content-Disposition: no folders, no
 * control characters, at most 200 characters (keeping the extension).
 */
export function safeFilename(filename: string): string {
  const base = (filename.split(/[\\/]/).pop() ?? "")
    .replace(/[\u0000-\u001f\u007f"]/g, "")
    // a lone surrogate cannot be stored as UTF-8
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd")
    .trim();
  if (!base) return "evidence";
  if (base.length <= 200) return base;
  const extension = extensionOf(base);
  return extension ? `${base.slice(0, 199 - extension.length)}.${extension}` : base.slice(0, 200);
}

/** "1.4 MB", "320 KB", "12 bytes". */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? "byte" : "bytes"}`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
}
