"""Generators for the rules our OpenAPI documents name but JSON Schema cannot state.

Loaded by fuzz.int-spec.ts (SCHEMATHESIS_HOOKS=schemathesis_hooks, with this folder on PYTHONPATH).
An integrator fuzzing our APIs can load it the same way. Each format here is described in
tools/openapi/README.md; the document states everything else (patterns, bounds, which fields
go together) itself.
"""

import copy

from hypothesis import strategies as st

import schemathesis

# GB 32100: 18 characters from this alphabet; the 18th is a check character over the first 17.
_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def _with_check_character(first17: str) -> str:
    total = sum(_CHARSET.index(ch) * w for ch, w in zip(first17, _WEIGHTS))
    return first17 + _CHARSET[(31 - total % 31) % 31]


# Registration authority and kind (2), a GB/T 2260 area code (6), the organisation code (9).
_credit_codes = st.builds(
    lambda head, area, body: _with_check_character(head + area + body),
    st.text(_CHARSET, min_size=2, max_size=2),
    st.from_regex(r"\A[1-8][0-9]{5}\Z"),
    st.text(_CHARSET, min_size=9, max_size=9),
)

schemathesis.openapi.format("unified-social-credit-code", _credit_codes)


@schemathesis.hook
def before_load_schema(context, raw_schema):
    """A class's rule across fields (`x-rules-across-fields`: oneOf/anyOf of the allowed shapes) applies.

    The documents keep it in an extension because client generators of other ecosystems refuse a
    top-level oneOf; for the fuzzer it is part of the schema.
    """
    for schema in (raw_schema.get("components") or {}).get("schemas", {}).values():
        rule = schema.get("x-rules-across-fields") if isinstance(schema, dict) else None
        if isinstance(rule, dict):
            schema.update(rule)


# Rules across the items of a body, which JSON Schema draft 4 (OpenAPI 3.0) cannot state; each
# operation's description says them. These hooks bend generated bodies to them, so the fuzzer
# reaches what the operation does with acceptable input instead of stopping at the rule.


def _fixed_dates(year: int) -> list[str]:
    """《全国年节及纪念日放假办法》 art. 2, as libs/domain/src/calendar/statutory-holidays.ts."""
    labour = [1, 2, 3] if year <= 2007 else [1, 2] if year >= 2025 else [1]
    return [f"{year}-01-01", *(f"{year}-05-0{d}" for d in labour), *(f"{year}-10-0{d}" for d in (1, 2, 3))]


def _positive_only(bend):
    """A hook also sees the malformed bodies of negative cases: those it leaves as they are."""

    def hook(context, body):
        try:
            return bend(context, copy.deepcopy(body))
        except (KeyError, TypeError, ValueError, AttributeError, IndexError):
            return body

    hook.__name__ = bend.__name__
    return hook


def _in_year(year: int, date: str) -> str:
    # Day 28 exists in every month, so the date stays a calendar date.
    return f"{year}-{date[5:7]}-{min(date[8:10], '28')}"


@schemathesis.hook("map_body").apply_to(method="POST", path="/calendar/years")
@_positive_only
def _holiday_schedule(context, body):
    """A year's schedule holds its own year's dates, each once, and every fixed-date statutory holiday."""
    if not isinstance(body, dict) or not isinstance(body.get("year"), int) or not 2000 <= body["year"] <= 2100:
        return body
    import datetime

    year = body["year"]
    seen: set[str] = set()
    names: set[str] = set()
    for i, period in enumerate(body.get("holidays") or []):
        if not isinstance(period, dict):
            continue
        if period.get("name") in names:
            period["name"] = f"{period['name']}{i}"[:50]
        names.add(period.get("name"))
        dates = [_in_year(year, d) for d in period.get("dates") or [] if isinstance(d, str)]
        period["dates"] = [d for d in dict.fromkeys(dates) if d not in seen] or [f"{year}-02-1{i % 10}"]
        seen.update(period["dates"])
    missing = [d for d in _fixed_dates(year) if d not in seen]
    if missing and isinstance(body.get("holidays"), list) and len(body["holidays"]) < 20:
        body["holidays"].append({"name": "法定节日", "dates": missing})
        seen.update(missing)
    weekend = [
        d
        for d in dict.fromkeys(_in_year(year, d) for d in body.get("adjustedWorkingDays") or [] if isinstance(d, str))
        if d not in seen and datetime.date.fromisoformat(d).isoweekday() >= 6
    ]
    body["adjustedWorkingDays"] = weekend
    return body


def _with_roles(people, required: dict[str, int], limit: int, extra: dict | None = None):
    """`people` with the roles the rule requires added, each with a distinct name."""
    if not isinstance(people, list):
        return people
    people = [p for p in people if isinstance(p, dict)][: max(0, limit - sum(required.values()))]
    for role, count in required.items():
        for n in range(count):
            people.append({"role": role, "name": f"{role}-{n + 1}", **(extra or {})})
    return people


@schemathesis.hook("map_body").apply_to(method="POST", path="/unpacking-sessions")
@_positive_only
def _unpacking_people(context, body):
    """拆包查验: the buyer, at least two enforcement officers and two lab staff (participant-rules.ts)."""
    if isinstance(body, dict):
        body["participants"] = _with_roles(
            body.get("participants"), {"enforcement-officer": 2, "lab-staff": 2}, 19
        )
        if isinstance(body["participants"], list):
            body["participants"].append({"role": "buyer"})
    return body


@schemathesis.hook("map_body").apply_to(method="POST", path="/samples/{sampleCode}/reseals")
@_positive_only
def _reseal_signers(context, body):
    """复检封样: the applicant, the original lab, the re-inspection lab and an officer sign (reseal-parties.ts)."""
    if isinstance(body, dict):
        body["signatures"] = _with_roles(
            body.get("signatures"),
            {"applicant": 1, "original-lab": 1, "reinspection-lab": 1, "enforcement-officer": 1},
            20,
            {"signedAt": "2026-04-01T02:00:00Z"},
        )
    return body
