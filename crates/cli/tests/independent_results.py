#!/usr/bin/env python3
"""An independent reckoning of the example answer sets' results, for the golden files.

It reads the rules' data (sections, items, opportunity answers, support types and weights)
from the specification, /work/shared/design/framework.md (or the path in FRAMEWORK_MD), not
from content/framework.toml, and applies the rules of its sections 4 and 5 with exact
fractions. Only the words of the reasons (labels, level names, what each challenge answer
says) come from content/framework.toml, since the specification does not hold them.

    python3 crates/cli/tests/independent_results.py content/examples/NAME.json

prints the results in the shape `readiness score` prints them. The golden files
content/examples/*.results.json were written by this script and then checked against the
program by crates/cli/tests/examples.rs, so a disagreement between the two shows up there.
"""

import json
import os
import re
import sys
import tomllib
from fractions import Fraction

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
SPEC = os.environ.get("FRAMEWORK_MD", "/work/shared/design/framework.md")

DOMAINS = ["tools-practice", "environment-culture", "workforce-structure"]
SECTIONS = DOMAINS + ["challenges", "innovation-readiness", "vision"]


def read_spec(path):
    text = open(path, encoding="utf-8").read()
    sections = {section: [] for section in SECTIONS}
    # Key ingredients: | `id` | domain | statement |
    for item, domain in re.findall(r"^\| `([a-z-]+)` \| ([a-z-]+) \| [^|]+\|$", text, re.M):
        if domain in DOMAINS:
            sections[domain].append(item)
    challenge_text = text.split("Challenge questions (seed 001, section 5):")[1].split("\n\n")[0]
    sections["challenges"] = re.findall(r"`([a-z-]+)`\s+\(", challenge_text)
    readiness_text = text.split("Innovation readiness (agreement scale)")[1].split("Vision (free text")[0]
    sections["innovation-readiness"] = re.findall(r"^\| `([a-z-]+)` \|", readiness_text, re.M)
    vision_text = text.split("Vision (free text")[1].split("\n\n")[0]
    sections["vision"] = re.findall(r"`([a-z-]+)`\s+\(", vision_text)
    # Opportunity answers: Yes for most, No for the two the scales section names.
    scales_text = text.split("## 2. Scales")[1].split("## 3.")[0]
    no_when = re.findall(r"`([a-z-]+)`", scales_text.split("for most it is Yes;")[1])
    opportunity = {item: ("no" if item in no_when else "yes") for item in sections["challenges"]}
    support_part = text.split("## 5. Support types and matching")[1]
    supports = re.findall(r"^\| `([a-z-]+)` \| ([a-z]+) \| [^|]+\|$", support_part, re.M)
    support_order = [support for support, _ in supports]
    pointers = {}
    for item, points in re.findall(r"^\| ([a-z-]+) \| ([a-z0-9, -]+) \|$", support_part, re.M):
        if item == "item":
            continue
        pointers[item] = [(name, int(weight)) for name, weight in (p.strip().rsplit(" ", 1) for p in points.split(","))]
    return sections, opportunity, support_order, pointers


def words(toml, item_id):
    """Labels and answer names, for the reasons only."""
    item = next(i for i in toml["items"] if i["id"] == item_id)
    section = next(s for s in toml["sections"] if s["id"] == item["section"])
    scale = next(s for s in toml["scales"] if s["id"] == section["scale"])
    return item, scale


def describe(toml, item_id, answer, kind):
    item, scale = words(toml, item_id)
    value = answer.get("value")
    if kind == "rating":
        if value == "not-sure":
            text = f"{item['label']}: {scale['not_sure']} (an evidence gap)"
        else:
            text = f"{item['label']}: {scale['levels'][value]['name']}"
    else:
        name = next(c["name"] for c in scale["choices"] if c["id"] == value)
        says = item.get("says", {}).get(value, "")
        text = f"{item['label']}: {name}: {says}" if says else f"{item['label']}: {name}"
    if answer.get("priority"):
        text += " (a priority)"
    return text


def pct(fraction):
    return None if fraction is None else float(fraction)


def results(export):
    sections, opportunity, support_order, pointers = read_spec(SPEC)
    toml = tomllib.load(open(os.path.join(ROOT, "content", "framework.toml"), "rb"))
    answers = export["answers"]
    order = [item for section in SECTIONS for item in sections[section]]
    kind = {}
    for section in SECTIONS:
        for item in sections[section]:
            kind[item] = {"challenges": "choice", "vision": "text"}.get(section, "rating")

    def level(item):
        value = answers.get(item, {}).get("value")
        return value if kind[item] == "rating" and isinstance(value, int) else None

    def answered(item):
        return "value" in answers.get(item, {})

    def percent(section):
        items = sections[section]
        levels = [level(i) for i in items if level(i) is not None]
        if not levels or 2 * len(levels) < len(items):
            return None
        return Fraction(100 * sum(levels), 4 * len(levels))

    domains = {d: percent(d) for d in DOMAINS}
    maturity = None if None in domains.values() else sum(domains.values()) / len(DOMAINS)
    readiness = percent("innovation-readiness")
    scorable = [i for i in order if kind[i] != "text"]
    n_answered = sum(1 for i in scorable if answered(i))
    completeness = Fraction(100 * n_answered, len(scorable))
    profile = None
    if maturity is not None and readiness is not None:
        profile = {
            (True, True): "lead-and-spread",
            (False, True): "ready-to-redesign",
            (True, False): "strong-practice-build-the-case",
            (False, False): "lay-the-foundations",
        }[(maturity >= 50, readiness >= 50)]

    def priority(item):
        return bool(answers.get(item, {}).get("priority"))

    def need(item):
        answer = answers.get(item)
        if answer is None or "value" not in answer:
            return Fraction(0)
        value = answer["value"]
        if kind[item] == "rating":
            base = Fraction(1, 2) if value == "not-sure" else Fraction(4 - value, 4)
        else:
            base = {opportunity[item]: Fraction(1), "partly": Fraction(1, 2), "not-sure": Fraction(1, 4)}.get(value, Fraction(0))
        return base * Fraction(3, 2) if answer.get("priority") else base

    matches = []
    for position, support in enumerate(support_order):
        total = Fraction(0)
        largest = Fraction(0)
        reasons = []
        for item_position, item in enumerate(order):
            for name, weight in pointers.get(item, []):
                if name == support:
                    total += need(item) * weight
                    largest += Fraction(3, 2) * weight
                    if need(item) > 0:
                        reasons.append((-need(item) * weight, item_position, item))
        reasons.sort()
        matches.append({"position": position, "id": support, "need": total, "max": largest, "reasons": [r[2] for r in reasons[:3]]})
    matches.sort(key=lambda m: (-(m["need"] / m["max"]), -m["need"], m["position"]))
    n_suggested = 0
    for m in matches:
        m["suggested"] = m["need"] > 0 and m["need"] / m["max"] >= Fraction(25, 100) and n_suggested < 6
        n_suggested += m["suggested"]

    rated = [(i, level(i)) for i in order if level(i) is not None]
    strengths = [i for i, l in rated if l == 4]
    if len(strengths) < 3:
        strengths += [i for i, l in rated if l == 3]
    gaps = sorted(((not priority(i), l, order.index(i)), i) for i, l in rated if l <= 1)
    opportunities = []
    for item in sections["challenges"]:
        value = answers.get(item, {}).get("value")
        if value == opportunity[item] or value == "partly":
            opportunities.append(((not priority(item), value != opportunity[item], order.index(item)), item))
    return {
        "domains": {d: pct(p) for d, p in domains.items()},
        "maturity": pct(maturity),
        "readiness": pct(readiness),
        "completeness": float(completeness),
        "provisional": completeness < 80,
        "profile": profile,
        "supports": [
            {
                "id": m["id"],
                "match": float(100 * m["need"] / m["max"]),
                "suggested": m["suggested"],
                "reasons": [describe(toml, i, answers[i], kind[i]) for i in m["reasons"]],
            }
            for m in matches
        ],
        "strengths": strengths,
        "gaps": [i for _, i in sorted(gaps)],
        "opportunities": [i for _, i in sorted(opportunities)],
    }


if __name__ == "__main__":
    export = json.load(open(sys.argv[1], encoding="utf-8"))
    print(json.dumps(results(export), indent=2, ensure_ascii=False))
