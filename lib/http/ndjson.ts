/**
 * Streamed answers of long route handlers (a Prometheus pull): newline-delimited JSON, one
 * event per line, so a page can show progress while the work runs. The work's error, if
 * any, becomes the last line, in the shape and with the status errorResponse gives it
 * (the HTTP status is already 200 once the first line is out).
 */
import { errorResponse } from "@/lib/http/respond";

export type StreamedError = { type: "error"; status: number; error: string; issues?: { path: string; message: string }[] };

export function ndjsonResponse(where: string, run: (send: (event: object) => void) => Promise<void>): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: object) => controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      try {
        await run(send);
      } catch (error) {
        const answer = errorResponse(error, where);
        send({ type: "error", status: answer.status, ...((await answer.json()) as object) });
      }
      controller.close();
    },
  });
  return new Response(body, {
    headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });
}
