"""What an import did (or, in a dry run, would do): the summary printed by `palabre import`."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from palabre.status import CommentStatus
from palabre.typography import french

STATUS_LABELS: dict[str, str] = {
    CommentStatus.PUBLISHED: "publiés",
    CommentStatus.HELD: "en attente de modération",
    CommentStatus.REJECTED: "refusés (spam)",
    CommentStatus.DELETED: "supprimés (conservés en trace)",
}


@dataclass(slots=True)
class ThreadCount:
    title: str
    new: int = 0
    existing: int = 0
    replies: int = 0


@dataclass(slots=True)
class ImportReport:
    source: str
    site: str
    dry_run: bool
    site_created: bool = False
    threads_new: int = 0
    threads_existing: int = 0
    comments_new: int = 0
    comments_existing: int = 0
    replies_new: int = 0
    orphans: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    per_thread: dict[str, ThreadCount] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)

    def lines(self) -> list[str]:
        """The report in French, one line each."""
        verb = "serait importé" if self.dry_run else "importé"
        head = "Simulation (rien n'a été écrit)" if self.dry_run else "Import terminé"
        out = [
            f"{head} — source {self.source}, site « {self.site} »"
            + (" (site créé)" if self.site_created else ""),
            f"Fils : {self.threads_new} nouveau(x), {self.threads_existing} déjà présent(s)",
            f"Commentaires : {self.comments_new} {verb}(s) dont {self.replies_new} réponse(s), "
            f"{self.comments_existing} déjà présent(s) (ignorés)",
        ]
        out += [f"  {n} {STATUS_LABELS.get(s, s)}" for s, n in sorted(self.statuses.items())]
        if self.orphans:
            out.append(
                f"Réponses dont le parent est absent du fichier, placées au premier "
                f"niveau : {self.orphans}"
            )
        out += [f"Ignorés : {n} {reason}" for reason, n in sorted(self.skipped.items())]
        out.append("Par fil :")
        out = [french(line) for line in out]  # French typography; titles below stay as written
        for key, count in self.per_thread.items():
            out.append(
                f"  {count.title or key} — {count.new} nouveau(x) dont {count.replies} "
                f"réponse(s), {count.existing} déjà présent(s) — {key}"
            )
        return out

    def as_dict(self) -> dict[str, object]:
        return {
            "source": self.source,
            "site": self.site,
            "dry_run": self.dry_run,
            "site_created": self.site_created,
            "threads_new": self.threads_new,
            "threads_existing": self.threads_existing,
            "comments_new": self.comments_new,
            "comments_existing": self.comments_existing,
            "replies_new": self.replies_new,
            "orphans": self.orphans,
            "statuses": dict(self.statuses),
            "skipped": self.skipped,
            "per_thread": {
                k: {"title": v.title, "new": v.new, "existing": v.existing, "replies": v.replies}
                for k, v in self.per_thread.items()
            },
        }
