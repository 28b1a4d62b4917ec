"""Model cards: what a model was trained on, how it scored, and what it cannot do.

Each artifact ``models/<name>.skops`` has ``models/<name>.card.json`` (machine-readable, read
by the loader and the tests) and ``models/<name>.card.md`` (the same, for people).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class ModelCard(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    version: str
    model_id: str = Field(description="name@version, as stored in facts")
    created: str = Field(description="ISO date of training")
    artifact: str
    artifact_sha256: str
    training_fingerprint: str = Field(description="sha256 over the input files' hashes and the parameters")
    inputs: dict[str, str] = Field(description="training inputs (repo-relative path) -> sha256")
    params: dict[str, Any]
    summary: str
    data: dict[str, Any]
    metrics: dict[str, Any]
    training_seconds: float
    environment: dict[str, str]
    known_limits: list[str]


def card_paths(models_dir: Path, name: str) -> tuple[Path, Path]:
    return models_dir / f"{name}.card.json", models_dir / f"{name}.card.md"


def read_card(models_dir: Path, name: str) -> ModelCard:
    return ModelCard.model_validate_json(card_paths(models_dir, name)[0].read_text(encoding="utf-8"))


def write_card(card: ModelCard, models_dir: Path) -> None:
    json_path, md_path = card_paths(models_dir, card.name)
    json_path.write_text(json.dumps(card.model_dump(), indent=2, sort_keys=False) + "\n", encoding="utf-8")
    md_path.write_text(render_markdown(card), encoding="utf-8")


def _format(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.4f}"
    if isinstance(value, dict | list):
        return f"`{json.dumps(value, sort_keys=True)}`"
    return str(value)


def render_markdown(card: ModelCard) -> str:
    lines = [
        f"# Model card: {card.name}", "",
        card.summary, "",
        "| | |", "|---|---|",
        f"| model id | `{card.model_id}` |",
        f"| trained | {card.created} in {card.training_seconds:.1f} s |",
        f"| artifact | `{card.artifact}` (skops), sha256 `{card.artifact_sha256[:16]}...` |",
        f"| training fingerprint | `{card.training_fingerprint[:16]}...` |",
        f"| environment | {', '.join(f'{k} {v}' for k, v in sorted(card.environment.items()))} |",
        "", "## Training data", "",
    ]
    lines += [f"- **{key}**: {_format(value)}" for key, value in card.data.items()]
    lines += ["", "## Parameters", ""]
    lines += [f"- `{key}` = {_format(value)}" for key, value in card.params.items()]
    lines += ["", "## Metrics", ""]
    for key, value in card.metrics.items():
        if isinstance(value, dict) and value and all(isinstance(v, dict) for v in value.values()):
            lines += ["", f"**{key}**", "", "| label | " + " | ".join(next(iter(value.values()))) + " |",
                      "|---" * (1 + len(next(iter(value.values())))) + "|"]
            lines += [f"| {label} | " + " | ".join(_format(v) for v in row.values()) + " |"
                      for label, row in value.items()]
            lines.append("")
        else:
            lines.append(f"- **{key}**: {_format(value)}")
    lines += ["", "## Known limits", ""]
    lines += [f"- {limit}" for limit in card.known_limits]
    lines += ["", "## Inputs (sha256)", ""]
    lines += [f"- `{path}` `{digest[:16]}`" for path, digest in card.inputs.items()]
    return "\n".join(lines) + "\n"
