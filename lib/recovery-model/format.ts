/** Human labels for the recovery model's numbers. Decimal units, as NIC rates and cloud prices are quoted. */

const BYTE_UNITS = ["B", "kB", "MB", "GB", "TB", "PB"] as const;

/** Formats bytes with decimal units and three significant digits: 6.48e12 → "6.48 TB". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) throw new RangeError(`Invalid byte count: ${bytes}`);
  let unit = bytes < 1 ? 0 : Math.min(Math.floor(Math.log10(bytes) / 3), BYTE_UNITS.length - 1);
  let value = Number((bytes / 1000 ** unit).toPrecision(3));
  // 999,600 B rounds to "1000 kB": carry into the next unit
  if (value >= 1000 && unit < BYTE_UNITS.length - 1) value = Number((bytes / 1000 ** ++unit).toPrecision(3));
  return `${value} ${BYTE_UNITS[unit]}`;
}

/**
 * Formats seconds for people: "45 s", "3 min 20 s", "7 h 24 min", "1 d 12 h".
 * Hours are shown to the minute and days to the hour; Infinity → "never".
 */
export function formatDuration(seconds: number): string {
  if (Number.isNaN(seconds) || seconds < 0) throw new RangeError(`Invalid duration: ${seconds}`);
  if (seconds === Infinity) return "never";
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return join(Math.floor(s / 60), "min", s % 60, "s");
  const minutes = Math.round(s / 60);
  if (minutes < 24 * 60) return join(Math.floor(minutes / 60), "h", minutes % 60, "min");
  const hours = Math.round(s / 3600);
  return join(Math.floor(hours / 24), "d", hours % 24, "h");
}

function join(major: number, majorUnit: string, minor: number, minorUnit: string): string {
  return minor === 0 ? `${major} ${majorUnit}` : `${major} ${majorUnit} ${minor} ${minorUnit}`;
}
