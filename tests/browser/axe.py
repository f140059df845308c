"""Run axe-core (from tests/browser/node_modules, installed by scripts/setup) in a page."""

from pathlib import Path

AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0, 2.1 and 2.2 A/AA (2.2 brings target size), and axe's best practices (landmarks, heading order).
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def scan(page, include: str = "body", exclude: list[str] | None = None) -> list[dict]:
    """Every violation of those rules inside `include`, of every impact, one dict per rule with its nodes."""
    page.add_script_tag(path=str(AXE))
    context = {"include": [[include]], "exclude": [[selector] for selector in exclude or []]}
    result = page.evaluate(
        """async ([context, tags]) => await axe.run(context, {
               runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})""",
        [context, TAGS],
    )
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"],
         "nodes": [" ".join(n["target"]) if isinstance(n["target"][0], str) else str(n["target"])
                   for n in v["nodes"]],
         "html": [n["html"][:200] for n in v["nodes"]]}
        for v in result["violations"]
    ]


def describe(violations: list[dict]) -> str:
    return "\n".join(f"{v['id']} ({v['impact']}): {v['help']}\n  " + "\n  ".join(v["html"]) for v in violations)
