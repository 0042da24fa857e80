"""Generators for the rules our OpenAPI documents name but JSON Schema cannot state.

Loaded by fuzz.int-spec.ts (SCHEMATHESIS_HOOKS=schemathesis_hooks, with this folder on PYTHONPATH).
An integrator fuzzing our APIs can load it the same way. Each format here is described in
tools/openapi/README.md; the document states everything else (patterns, bounds, which fields
go together) itself.
"""

import copy
import datetime
import itertools
import json
import os
import uuid

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


def _merge_rules_across_fields(value) -> None:
    if isinstance(value, dict):
        rule = value.get("x-rules-across-fields")
        if isinstance(rule, dict):
            value.update(rule)
        for item in list(value.values()):
            _merge_rules_across_fields(item)
    elif isinstance(value, list):
        for item in value:
            _merge_rules_across_fields(item)


@schemathesis.hook
def before_load_schema(context, raw_schema):
    """A class's rule across fields (`x-rules-across-fields`: oneOf/anyOf of the allowed shapes) applies,
    wherever the class is documented: a component, or a property inline (the seller's facts).

    The documents keep it in an extension because client generators of other ecosystems refuse a
    top-level oneOf; for the fuzzer it is part of the schema.
    """
    _merge_rules_across_fields(raw_schema.get("components") or {})
    _merge_rules_across_fields(raw_schema.get("paths") or {})


# Rules across the items of a body, which JSON Schema draft 4 (OpenAPI 3.0) cannot state, and
# references to records the body must agree with; each operation's description says them. These
# hooks bend the generated bodies of positive cases to them, in every phase (examples, coverage,
# fuzzing, stateful), so the fuzzer reaches what the operation does with acceptable input instead
# of stopping at the rule. Negative cases are left as generated: they are meant to be refused.


def _fixed_dates(year: int) -> list[str]:
    """《全国年节及纪念日放假办法》 art. 2, as libs/domain/src/calendar/statutory-holidays.ts."""
    labour = [1, 2, 3] if year <= 2007 else [1, 2] if year >= 2025 else [1]
    return [f"{year}-01-01", *(f"{year}-05-0{d}" for d in labour), *(f"{year}-10-0{d}" for d in (1, 2, 3))]


def _is_positive(case) -> bool:
    meta = getattr(case, "meta", None)
    return meta is None or meta.generation.mode == schemathesis.GenerationMode.POSITIVE


def _bend_case(bend, case):
    if _is_positive(case) and isinstance(case.body, dict):
        try:
            case.body = bend(copy.deepcopy(case.body))
        except (KeyError, TypeError, ValueError, AttributeError, IndexError):
            pass  # a shape the rule does not apply to: sent as generated
    return case


def _register(method: str, path: str, name: str, bend_case) -> None:
    """`bend_case(case) -> case` for the cases of one operation, in every phase."""

    def map_case(context, case):
        return bend_case(case)

    def before_add_examples(context, examples):
        for case in examples:
            bend_case(case)

    for hook_name, hook in (("map_case", map_case), ("before_add_examples", before_add_examples)):
        hook.__name__ = f"{hook_name}_{name}"
        schemathesis.hook(hook_name).apply_to(method=method, path=path)(hook)


def _bends(method: str, path: str):
    """Registers `bend(body) -> body` for the positive cases of one operation, in every phase."""

    def register(bend):
        _register(method, path, bend.__name__, lambda case: _bend_case(bend, case))
        return bend

    return register


def _fresh_idempotency_key(case):
    """A client sends a new Idempotency-Key with each new request and the same one only when it
    retries that request; the documented example repeated over different bodies is refused (409)."""
    if _is_positive(case) and case.headers:
        for name in list(case.headers):
            if name.lower() == "idempotency-key":
                case.headers[name] = str(uuid.uuid4())
    return case


@schemathesis.hook("map_case")
def map_case(context, case):
    return _fresh_idempotency_key(case)


@schemathesis.hook("before_add_examples")
def before_add_examples(context, examples):
    for case in examples:
        _fresh_idempotency_key(case)


def _in_year(year: int, date: str) -> str:
    # Day 28 exists in every month, so the date stays a calendar date.
    return f"{year}-{date[5:7]}-{min(date[8:10], '28')}"


@_bends("POST", "/calendar/years")
def _holiday_schedule(body):
    """A year's schedule holds its own year's dates, each once, and every fixed-date statutory holiday."""
    if not isinstance(body, dict) or not isinstance(body.get("year"), int) or not 2000 <= body["year"] <= 2100:
        return body
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


@_bends("POST", "/unpacking-sessions")
def _unpacking_people(body):
    """拆包查验: the buyer, at least two enforcement officers and two lab staff (participant-rules.ts)."""
    if isinstance(body, dict):
        body["participants"] = _with_roles(
            body.get("participants"), {"enforcement-officer": 2, "lab-staff": 2}, 19
        )
        if isinstance(body["participants"], list):
            body["participants"].append({"role": "buyer"})
    return body


@_bends("POST", "/samples/{sampleCode}/reseals")
def _reseal_signers(body):
    """复检封样: the applicant, the original lab, the re-inspection lab and an officer sign (reseal-parties.ts)."""
    if isinstance(body, dict):
        body["signatures"] = _with_roles(
            body.get("signatures"),
            {"applicant": 1, "original-lab": 1, "reinspection-lab": 1, "enforcement-officer": 1},
            20,
            {"signedAt": "2026-04-01T02:00:00Z"},
        )
    return body


# The categories every lab the fuzzer registers is accredited for, and those its contracts cover:
# a contract's categories must lie within the lab's accreditation scope (a rule against the lab's
# record, which the contract's document cannot state).
_FUZZ_SCOPE = ["fuzz-textile", "fuzz-electrical"]


def _within_scope(categories):
    if isinstance(categories, list):
        for i, item in enumerate(categories):
            if isinstance(item, dict):
                item["category"] = _FUZZ_SCOPE[i % len(_FUZZ_SCOPE)]
        # each category once
        seen, kept = set(), []
        for item in categories:
            key = item.get("category") if isinstance(item, dict) else id(item)
            if key not in seen:
                seen.add(key)
                kept.append(item)
        return kept
    return categories


# One contract is in force at a time at a lab, and contract numbers are unique: a client that
# records contracts numbers each one and gives it its own term. Each term here is a fresh
# ten-day window from 3000-01-01 on, so no two terms the fuzzer records overlap.
_terms = itertools.count()
_contract_terms: dict[str, tuple[str, str]] = {}


def _own_term(contract: dict) -> None:
    first = datetime.date(3000, 1, 1) + datetime.timedelta(days=10 * next(_terms))
    contract["validFrom"] = first.isoformat()
    contract["validTo"] = (first + datetime.timedelta(days=9)).isoformat()
    if isinstance(contract.get("contractNumber"), str):
        contract["contractNumber"] = f"{contract['contractNumber'][:60]}-{uuid.uuid4().hex[:12]}"


_present: dict[str, list[dict]] = {}


@schemathesis.hook
def after_call(context, case, response):
    """Remembers the term of each contract recorded, for the cases that end one, and who was present
    at each unpacking opened, for the cases that seal one."""
    if response.status_code == 201 and case.method == "POST" and case.path == "/unpacking-sessions":
        try:
            body = response.json()
        except ValueError:
            return
        # The answer names the session; who was present is what the request said (the buyer's
        # pseudonym aside, which signs nothing).
        sent = case.body if isinstance(case.body, dict) else {}
        present = body.get("participants") if isinstance(body, dict) else None
        if not isinstance(present, list):
            present = sent.get("participants")
        if isinstance(body, dict) and isinstance(present, list):
            _present[str(body.get("id"))] = present
    if response.status_code == 201 and case.method == "POST" and case.path.startswith("/labs"):
        try:
            body = response.json()
        except ValueError:
            return
        for contract in [body, body.get("contract")] if isinstance(body, dict) else []:
            if isinstance(contract, dict) and {"id", "validFrom", "validTo"} <= contract.keys():
                _contract_terms[contract["id"]] = (contract["validFrom"], contract["validTo"])


def _with_fuzz_scope(body: dict) -> None:
    scopes = body.get("scopes")
    if isinstance(scopes, list):
        have = {s.get("category") for s in scopes if isinstance(s, dict)}
        extra = [{"category": c, "standards": []} for c in _FUZZ_SCOPE if c not in have]
        body["scopes"] = [*scopes[: 500 - len(extra)], *extra]


@_bends("POST", "/labs")
def _lab_with_scope(body):
    """A lab accredited for the fuzz categories, whose contract (if given) covers them from its first to its last day."""
    _with_fuzz_scope(body)
    contract = body.get("contract")
    if isinstance(contract, dict):
        contract["categories"] = _within_scope(contract.get("categories"))
        _own_term(contract)
    return body


@_bends("POST", "/labs/{id}/contracts")
def _contract_within_scope(body):
    """A contract of a lab the fuzzer registered covers its accredited categories, first day before last."""
    body["categories"] = _within_scope(body.get("categories"))
    _own_term(body)
    return body


@_bends("POST", "/labs/{id}/contracts/{contractId}/amendments")
def _amendment_within_scope(body):
    """As for a contract: the categories within the lab's accreditation scope."""
    if "categories" in body:
        body["categories"] = _within_scope(body.get("categories"))
    _own_term(body)
    return body


def _end_within_term(case):
    """A contract is ended on a day within its term (the fuzzer knows the terms of those it recorded)."""
    term = _contract_terms.get(str((case.path_parameters or {}).get("contractId")))
    if term and _is_positive(case) and isinstance(case.body, dict):
        case.body = {**case.body, "endedOn": term[0]}
    return case


_register("POST", "/labs/{id}/contracts/{contractId}/end", "end_within_term", _end_within_term)


@_bends("PATCH", "/labs/{id}")
def _scope_kept(body):
    """A lab's new scope keeps the categories its contracts (the fuzzer's) cover."""
    if isinstance(body.get("scopes"), list):
        _with_fuzz_scope(body)
    return body


# Records the fuzz test made for operations that need them (fuzz.int-spec.ts: FUZZ_FIXTURES), each
# handed out in turn: parcels admitted at intake, quarantined parcels and the batches they belong to.
_FIXTURES = json.loads(os.environ.get("FUZZ_FIXTURES") or "{}")
_turns: dict[str, itertools.count] = {}


def _next_fixture(kind: str):
    values = _FIXTURES.get(kind) or []
    return values[next(_turns.setdefault(kind, itertools.count())) % len(values)] if values else None


def _release_quarantined(case):
    """A quarantined parcel is released into the batch of an order it belongs to."""
    parcel, batch = _next_fixture("quarantinedParcels"), _next_fixture("releaseBatches")
    if parcel and batch and _is_positive(case) and isinstance(case.body, dict):
        case.path_parameters = {**(case.path_parameters or {}), "id": parcel}
        case.body = {**case.body, "batchNumber": batch}
    return case


_register("POST", "/intake/parcels/{id}/release", "release_quarantined", _release_quarantined)


@_bends("POST", "/unpacking-sessions")
def _admitted_parcel(body):
    """A parcel is unpacked once admitted (matched to its order, or released from quarantine), on
    the recording of its unpacking, its waybill and photos of the sample."""
    parcel, video, waybill = (_next_fixture(k) for k in ("admittedParcels", "unboxingVideos", "waybillPhotos"))
    if parcel and video and waybill:
        body["parcelId"], body["videoObjectId"], body["waybillPhotoObjectId"] = parcel, video, waybill
        if isinstance(body.get("photoObjectIds"), list):
            body["photoObjectIds"] = _FIXTURES.get("samplePhotos", [])[: len(body["photoObjectIds"])]
    # The buyer is named by the batch's pseudonym, filled in by the service: never typed.
    for person in body.get("participants") or []:
        if isinstance(person, dict) and person.get("role") == "buyer":
            person.pop("name", None)
    return body


# EVIDENCE_PART_SIZE_MB's default (services/evidence/src/evidence.config.ts), as the fuzz stack runs.
_PART_SIZE = 64 * 2**20


@_bends("POST", "/evidence/uploads")
def _declared_parts(body):
    """Parts declared at the announcement are the file's own: numbered 1 to n, each of its size (a
    file that fits one part has none)."""
    size, parts = body.get("size"), body.get("parts")
    if isinstance(size, int) and size > 0 and isinstance(parts, list) and parts:
        count = -(-size // _PART_SIZE)
        kept = [part for part in parts if isinstance(part, dict)][: count if count > 1 else 0]
        for n, part in enumerate(kept, 1):
            part["partNumber"] = n
            part["size"] = min(_PART_SIZE, size - (n - 1) * _PART_SIZE)
        body["parts"] = kept
    return body


# Who the unpacking hook puts at every session it opens: a session opened otherwise (recorded by
# after_call before its sealing is generated) has its own.
_UNPACKING_STAFF = [{"role": role, "name": f"{role}-{n}"} for role in ("enforcement-officer", "lab-staff") for n in (1, 2)]


def _sealing(case):
    present = _present.get(str((case.path_parameters or {}).get("id")), _UNPACKING_STAFF)
    return _bend_case(lambda body: _present_signers(body, present), case)


_register("POST", "/unpacking-sessions/{id}/sealing", "present_signers", _sealing)


def _present_signers(body, present):
    """封样: at least two officers and two lab staff sign, each present at the unpacking, now."""
    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0) - datetime.timedelta(seconds=5)
    body["signatures"] = [
        {"role": role, "name": name, "signedAt": now.strftime("%Y-%m-%dT%H:%M:%SZ")}
        for role in ("enforcement-officer", "lab-staff")
        for name in [p.get("name") for p in present if p.get("role") == role][:2]
    ]
    # The backup sample has a seal of its own.
    test, backup = body.get("testSample"), body.get("backupSample")
    if isinstance(test, dict) and isinstance(backup, dict) and test.get("sealNumber") == backup.get("sealNumber"):
        backup["sealNumber"] = f"{str(backup['sealNumber'])[:38]}-B"
    return body
