import { describe, expect, it } from "vitest";
import { detectFileType, extensionOf, formatFileSize, safeFilename } from "./file-type";

const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...new TextEncoder().encode(p)] : p)));

describe("detectFileType", () => {
  it.each([
    ["drill.pdf", bytes("%PDF-1.7\n..."), "application/pdf"],
    ["graph.png", bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), "image/png"],
    ["photo.JPG", bytes([0xff, 0xd8, 0xff, 0xe0, 0x00]), "image/jpeg"],
    ["anim.gif", bytes("GIF89a..."), "image/gif"],
    ["shot.webp", bytes("RIFF\x10\x00\x00\x00WEBPVP8 "), "image/webp"],
    ["notes.txt", bytes("broker 3 killed at 10:02 — leaders moved"), "text/plain"],
    ["lag.csv", bytes("timestamp,metric,value\n1,lag,3\n"), "text/csv"],
    ["README.md", bytes("# Drill\n- ok"), "text/markdown"],
    ["values.yaml", bytes("replicas: 3\n"), "application/yaml"],
    ["range.json", bytes('{"status":"success","data":{}}'), "application/json"],
    ["bundle.zip", bytes([0x50, 0x4b, 0x03, 0x04, 1, 2]), "application/zip"],
    ["empty.zip", bytes([0x50, 0x4b, 0x05, 0x06, 0, 0]), "application/zip"],
    ["metrics.csv.gz", bytes([0x1f, 0x8b, 0x08, 0]), "application/gzip"],
  ])("accepts %s as %s", (name, content, mime) => {
    expect(detectFileType(name, content)).toMatchObject({ ok: true, mime });
  });

  it.each([
    [
      "page.html",
      bytes("<html><script>alert(1)</script>"),
      ".html files are not accepted. Allowed: PDF, PNG, JPEG, GIF, WebP, text, CSV, Markdown, YAML, JSON, ZIP, gzip",
    ],
    ["logo.svg", bytes("<svg onload=alert(1)>"), ".svg files are not accepted"],
    ["Makefile", bytes("all:"), "Files without an extension are not accepted"],
    ["tool.exe", bytes("MZ"), ".exe files are not accepted"],
    ["report.pdf", bytes([0x7f, 0x45, 0x4c, 0x46]), "The file is named .pdf but its content is not a PDF file"],
    ["graph.png", bytes("%PDF-1.4"), "The file is named .png but its content is not a PNG file"],
    ["image.jpeg", bytes("GIF89a"), "The file is named .jpeg but its content is not a JPEG file"],
    ["notes.txt", bytes("MZ", [0, 0, 1]), "The file is named .txt but its content is not a text file"],
    ["latin1.csv", bytes([0x61, 0xe9, 0x62]), "The file is named .csv but its content is not a CSV file"],
    ["range.json", bytes("{not json"), "The file is named .json but its content is not a JSON file"],
    ["archive.zip", bytes("PK"), "The file is named .zip but its content is not a ZIP file"],
    ["empty.txt", bytes(""), "The file is empty"],
  ])("refuses %s", (name, content, message) => {
    const result = detectFileType(name, content);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(message);
  });
});

describe("file name helpers", () => {
  it("reads the extension of the last path segment", () => {
    expect(extensionOf("C:\\tmp\\Lag.CSV")).toBe("csv");
    expect(extensionOf(".bashrc")).toBe("");
    expect(extensionOf("a.tar.gz")).toBe("gz");
  });

  it("strips folders and control characters and bounds the length, keeping the extension", () => {
    expect(safeFilename("../../etc/pass\u0000wd.txt")).toBe("passwd.txt");
    expect(safeFilename('say "hi".txt')).toBe("say hi.txt");
    expect(safeFilename("   ")).toBe("evidence");
    const long = safeFilename(`${"x".repeat(300)}.pdf`);
    expect(long).toHaveLength(200);
    expect(long.endsWith(".pdf")).toBe(true);
  });

  it("formats sizes for people", () => {
    expect(formatFileSize(1)).toBe("1 byte");
    expect(formatFileSize(900)).toBe("900 bytes");
    expect(formatFileSize(20_480)).toBe("20 KB");
    expect(formatFileSize(10 * 1024 * 1024)).toBe("10 MB");
    expect(formatFileSize(1.5 * 1024 * 1024)).toBe("1.5 MB");
  });
});
