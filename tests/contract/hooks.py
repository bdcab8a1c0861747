"""The checks the API's contract adds to schemathesis's own.

A request the schema allows may be refused only for what no schema can say: the state of the
workshop it names. Everything a single request can get wrong (a limit, a format, a required
field) is declared in the schema, so a 400, 415 or 422 for a request generated as valid fails
the run, unless the error's `rule` is one of these.
"""

import re

import schemathesis

# Rules that depend on the workshop as it is, not on the request alone.
STATEFUL_RULES = {
    "foreign",  # an id of something that is not in this workshop
    "locked",  # the scale, once groups have scored
    "incomplete",  # a new order that does not list the workshop's items exactly once
    "duplicate",  # a name the workshop has already, or a cell or name twice after trimming
    "half_step",  # a midline outside the scale sent beside it
    "nothing_scored",  # a new round, before any group has scored the current one
}
# Lists a workshop may hold only so much of, filled by earlier requests.
FULL_LISTS = {"areas", "categories", "groups", "suggestions", "comments"}
FLOAT = re.compile(r"-?[0-9]+\.[0-9]+")


def stateful(error: dict) -> bool:
    # The rule is an object: its name under `rule`, with what it allows (`max`, say) beside it.
    rule, field = (error.get("rule") or {}).get("rule"), error.get("field", "")
    if rule in STATEFUL_RULES:
        return True
    # A workshop full, a score outside a scale the workshop has narrowed, or a round past the
    # workshop's current one (or its last).
    return rule == "out_of_range" and (field in FULL_LISTS or field.endswith(".value") or field == "round")


def integer_written_as_float(case) -> bool:
    # JSON Schema counts 958.0 as an integer, so an id may be generated as one; in a path an
    # integer is written in digits alone, and the server answers `958.0` as malformed.
    values = (case.path_parameters or {}).values()
    return any(isinstance(value, float) or (isinstance(value, str) and FLOAT.fullmatch(value)) for value in values)


@schemathesis.check
def valid_requests_are_refused_only_for_the_workshops_state(ctx, response, case):
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive or integer_written_as_float(case):
        return None
    if response.status_code not in (400, 415, 422):
        return None
    try:
        error = response.json()
    except ValueError:
        error = {}
    if response.status_code == 422 and isinstance(error, dict) and stateful(error):
        return None
    raise AssertionError(
        f"A request the schema allows was refused with {response.status_code}: {error}. "
        "Declare the rule it broke in the schema."
    )
