/** Small inline icons (stroke style) so no icon font or emoji font is needed. */
const paths = {
  link: "M10 14a4 4 0 0 0 5.66 0l3-3a4 4 0 0 0-5.66-5.66l-1 1M14 10a4 4 0 0 0-5.66 0l-3 3a4 4 0 0 0 5.66 5.66l1-1",
  note: "M7 3h7l5 5v13H7zM14 3v5h5M10 13h6M10 17h6",
  file: "M16.5 6.5 8.9 14.1a2 2 0 0 0 2.8 2.8l7.1-7.1a4 4 0 0 0-5.7-5.7L6 11.2a6 6 0 0 0 8.5 8.5l5-5",
  drill: "M9 3h6M10 3v6l-5 9a2 2 0 0 0 1.7 3h10.6a2 2 0 0 0 1.7-3l-5-9V3M7.5 14h9",
  metric_export: "M4 20V4M4 20h16M8 16l3-4 3 2 5-7",
  kafka_snapshot: "M12 3v4M12 17v4M5 8l3 2M16 14l3 2M5 16l3-2M16 10l3-2M12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6Z",
  metric_check: "M4 12a8 8 0 1 0 3-6.2M4 4v4h4M9 12l2 2 4-4",
  check: "M5 12.5 10 17l9-10",
  warning: "M12 4 2.5 20h19zM12 10v4M12 17.5v.01",
  blocking: "M7 11V8a5 5 0 0 1 10 0v3M5 11h14v10H5z",
  chevronLeft: "M15 5l-7 7 7 7",
  chevronRight: "M9 5l7 7-7 7",
  clock: "M12 7v5l3 2M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0z",
  flag: "M5 21V4h11l-1.5 4L16 12H5",
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name, className = "h-4 w-4" }: { name: IconName; className?: string }) {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden className={className}>
      <path d={paths[name]} />
    </svg>
  );
}
