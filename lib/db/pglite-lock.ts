/**
 * A lock file for the embedded database folder. PGlite has no lock of its own and two
 * processes writing one folder corrupt it silently, so the second process must be refused.
 * A lock left by a process that no longer runs (killed, crashed) is taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export class DatabaseInUseError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database in ${path.relative(process.cwd(), dir) || dir} is in use by process ${pid}. ` +
        `Stop that process, or set DATABASE_URL to use a PostgreSQL server.`,
    );
    this.name = "DatabaseInUseError";
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readOwner(file: string): { pid: number; host: string } | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as { pid?: unknown; host?: unknown };
    return typeof parsed.pid === "number" ? { pid: parsed.pid, host: String(parsed.host ?? "") } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Take the lock for `dir` (created if missing). Returns a release function.
 * Throws DatabaseInUseError when a live process holds it.
 */
export function acquireDataDirLock(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "drillbook.lock");
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() }));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        const owner = readOwner(file);
        if (owner?.pid === process.pid) unlinkSync(file);
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = readOwner(file);
      if (owner && owner.pid !== process.pid && owner.host === os.hostname() && isRunning(owner.pid)) {
        throw new DatabaseInUseError(dir, owner.pid);
      }
      if (owner?.pid === process.pid) {
        throw new DatabaseInUseError(dir, owner.pid);
      }
      // stale lock (its process is gone, or the file is unreadable): take it over
      try {
        unlinkSync(file);
      } catch {
        /* another process removed it first; retry */
      }
    }
  }
  throw new Error(`Could not take the lock ${file}`);
}
