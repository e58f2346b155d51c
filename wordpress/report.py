"""What an import did, per kind of thing: created, updated, unchanged, skipped (and why),
and warnings. The same report is printed for a dry run."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

KIND_ORDER = [
    "essay", "series", "roundup", "page", "image", "document", "author", "blogger", "sector",
    "comment", "redirect", "other",
]  # fmt: skip
OUTCOMES = ("created", "updated", "unchanged")


@dataclass
class Report:
    counts: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    skipped: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    warnings: list[str] = field(default_factory=list)

    def count(self, kind: str, outcome: str) -> None:
        self.counts[kind][outcome] += 1

    def skip(self, kind: str, reason: str) -> None:
        self.skipped[kind][reason] += 1

    def warn(self, where: str, text: str) -> None:
        self.warnings.append(f"{where}: {text}")

    def total(self, kind: str, outcome: str) -> int:
        if outcome == "skipped":
            return sum(self.skipped[kind].values())
        return self.counts[kind][outcome]

    def kinds(self) -> list[str]:
        seen = set(self.counts) | set(self.skipped)
        return [kind for kind in KIND_ORDER if kind in seen] + sorted(seen - set(KIND_ORDER))

    def lines(self) -> list[str]:
        rows = [f"{'':<10}{'created':>9}{'updated':>9}{'unchanged':>11}{'skipped':>9}"]
        for kind in self.kinds():
            numbers = [self.counts[kind][outcome] for outcome in OUTCOMES]
            rows.append(
                f"{kind:<10}{numbers[0]:>9}{numbers[1]:>9}{numbers[2]:>11}"
                f"{self.total(kind, 'skipped'):>9}"
            )
        for kind in self.kinds():
            for reason, number in sorted(self.skipped[kind].items()):
                rows.append(f"skipped {kind}: {reason} ({number})")
        if self.warnings:
            rows.append(f"{len(self.warnings)} warnings:")
            rows += [f"  {warning}" for warning in self.warnings]
        return rows
