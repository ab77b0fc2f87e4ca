/**
 * Reads a newline-delimited JSON stream (lib/http/ndjson.ts) in the browser, handing each
 * event over as its line arrives. Written here because it is a dozen lines over the
 * standard TextDecoder; the NDJSON packages on npm wrap Node streams, not fetch bodies.
 */
export async function readNdjson<T>(body: ReadableStream<Uint8Array>, onEvent: (event: T) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = "";
  for (;;) {
    const { value, done } = await reader.read();
    buffered += decoder.decode(value, { stream: !done });
    let newline: number;
    while ((newline = buffered.indexOf("\n")) !== -1) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (line) onEvent(JSON.parse(line) as T);
    }
    if (done) break;
  }
  if (buffered.trim()) onEvent(JSON.parse(buffered) as T);
}
