/** Headers of file downloads. */

/** `attachment; filename="…"; filename*=UTF-8''…` with a plain-ASCII fallback name. */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
