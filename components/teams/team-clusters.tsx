import Link from "next/link";
import type { TeamDetail } from "@/lib/teams/queries";

/** The clusters a team owns, linked. */
export function TeamClusters({ team }: { team: TeamDetail }) {
  if (team.clusters.length === 0) {
    return <p className="text-sm text-slate-600">No cluster names this team as its owner yet.</p>;
  }
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
      {team.clusters.map((c) => (
        <li key={c.id}>
          <Link href={`/clusters/${c.id}`} className="text-brand-700 hover:underline">
            {c.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}
