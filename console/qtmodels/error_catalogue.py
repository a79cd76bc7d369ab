"""Every message template the rules and services can raise, marked for lupdate so the zh_CN catalogue
carries them (lupdate scans console/qtmodels, not console/domain or console/services).

tests/unit/test_error_messages.py checks that each `explain("…")` template in console.domain,
console.services, console.importers and widgets.premises is listed here: a new English message cannot reach
the Chinese console untranslated."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

CONTEXT = "ErrorMessages"

TEMPLATES = (
    # domain.incident_workflow
    QT_TRANSLATE_NOOP("ErrorMessages", "'{action}' needs '{field}' as a {type}, not {value}."),
    QT_TRANSLATE_NOOP("ErrorMessages", "'{action}' needs '{field}'."),
    QT_TRANSLATE_NOOP("ErrorMessages", "A supervision order must be due after it is issued."),
    QT_TRANSLATE_NOOP("ErrorMessages", "Only {actor}, who dispatched the case, may recall it."),
    QT_TRANSLATE_NOOP("ErrorMessages", "A dispatch can only be recalled within {minutes} minutes."),
    QT_TRANSLATE_NOOP("ErrorMessages", "The {role} role may not '{action}' a case."),
    QT_TRANSLATE_NOOP("ErrorMessages", "'{action}' is not allowed on a case in state '{state}'; it "
                      "needs one of: {states}."),
    QT_TRANSLATE_NOOP("ErrorMessages", "A case cannot be a duplicate of itself."),
    QT_TRANSLATE_NOOP("ErrorMessages", "'dispatch' needs exactly one of 'assignee_org_id' or "
                      "'assignee_worker_id'."),
    QT_TRANSLATE_NOOP("ErrorMessages", "An extension must move the deadline later."),
    QT_TRANSLATE_NOOP("ErrorMessages", "The case is already at the top level ({level})."),
    QT_TRANSLATE_NOOP("ErrorMessages", "Unknown action {value}."),
    # domain.messages
    QT_TRANSLATE_NOOP("ErrorMessages", "{detail}"),
    # domain.phones
    QT_TRANSLATE_NOOP("ErrorMessages", "{value} is neither an 11-digit mobile number nor an area "
                      "code with a 7-8 digit number"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{value} contains characters other than digits"),
    # services.dispatch_targets
    QT_TRANSLATE_NOOP("ErrorMessages", "Case {case_no} lies in a grid {name} does not serve."),
    # services.incident_actions
    QT_TRANSLATE_NOOP("ErrorMessages", "There is no org unit with id {id}."),
    QT_TRANSLATE_NOOP("ErrorMessages", "{name} is a {kind}; cases go to a department, a lower-level "
                      "center or a worker."),
    QT_TRANSLATE_NOOP("ErrorMessages", "{name} belongs to another district."),
    QT_TRANSLATE_NOOP("ErrorMessages", "Case {case_no} lies outside {name}."),
    QT_TRANSLATE_NOOP("ErrorMessages", "There is no active worker with id {id}."),
    QT_TRANSLATE_NOOP("ErrorMessages", "Worker {name} works outside {user}'s jurisdiction."),
    QT_TRANSLATE_NOOP("ErrorMessages", "Incident {id} was never dispatched."),
    QT_TRANSLATE_NOOP("ErrorMessages", "A case cannot be merged into its own duplicate."),
    QT_TRANSLATE_NOOP("ErrorMessages", "These cases are already duplicates of each other."),
    # services.image_files
    QT_TRANSLATE_NOOP("ErrorMessages", "{file}: only PNG or JPEG pictures can be attached"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{file}: the content is not a {format} picture"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{file}: {size} MiB is over the {limit} MiB limit"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{file}: the file name is too long"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{file}: cannot be read ({detail})"),
    # services.incident_bulk
    QT_TRANSLATE_NOOP("ErrorMessages", "'{action}' cannot be done on several cases at once."),
    # services.incident_errors
    QT_TRANSLATE_NOOP("ErrorMessages", "Case {case_no} was changed by {actor} at {at} ({action}) and "
                      "is now '{state}'; your action was not applied."),
    QT_TRANSLATE_NOOP("ErrorMessages", "Case {case_no} was changed by another session and is now "
                      "'{state}'; your action was not applied."),
    QT_TRANSLATE_NOOP("ErrorMessages", "Case {case_no} was changed by {actor} at {at} and is now "
                      "'{state}'; your action was not applied."),
    # services.incident_file_check
    QT_TRANSLATE_NOOP("ErrorMessages", "empty: no header row"),
    QT_TRANSLATE_NOOP("ErrorMessages", "not Open311 JSON: {detail}"),
    # services.incident_import
    QT_TRANSLATE_NOOP("ErrorMessages", "{path}: row {row}: {field}: {reason}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{count} problem(s), nothing imported:"),
    QT_TRANSLATE_NOOP("ErrorMessages", "… and {count} more problems"),
    QT_TRANSLATE_NOOP("ErrorMessages", "unknown {field} {value}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "must be 1 to 4, not {value}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "empty"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{lon}, {lat} lies in no grid of {user}'s jurisdiction"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{case_no} repeats row {row}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{case_no} is already in the database"),
    # services.incident_intake
    QT_TRANSLATE_NOOP("ErrorMessages", "longer than {count} characters"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{field}: {reason}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "pick a point on the map or find the address"),
    QT_TRANSLATE_NOOP("ErrorMessages", "a {source} report needs the number"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{lon}, {lat} is not a longitude/latitude"),
    # services.incidents
    QT_TRANSLATE_NOOP("ErrorMessages", "Unknown source {value}; expected one of {sources}."),
    QT_TRANSLATE_NOOP("ErrorMessages", "Priority must be one of {choices}, not {value}."),
    QT_TRANSLATE_NOOP("ErrorMessages", "An incident needs a title and a category."),
    QT_TRANSLATE_NOOP("ErrorMessages", "The location {lon}, {lat} is not a longitude/latitude."),
    QT_TRANSLATE_NOOP("ErrorMessages", "There is no grid with id {id}."),
    QT_TRANSLATE_NOOP("ErrorMessages", "Grid {name} lies outside the jurisdiction of {user}."),
    QT_TRANSLATE_NOOP("ErrorMessages", "The point {lon}, {lat} lies in no grid of {user}'s jurisdiction."),
    QT_TRANSLATE_NOOP("ErrorMessages", "The {role} role may not take incidents in."),
    QT_TRANSLATE_NOOP("ErrorMessages", "Incident {id} lies outside the jurisdiction of {user}."),
    QT_TRANSLATE_NOOP("ErrorMessages", "There is no incident with id {id}."),
    # services.jurisdiction
    QT_TRANSLATE_NOOP("ErrorMessages", "{what} lies outside the jurisdiction of {user}."),
    # services.inspections, services.premise_dossier, services.premise_edit
    QT_TRANSLATE_NOOP("ErrorMessages", "No premise with id {id}."),
    QT_TRANSLATE_NOOP("ErrorMessages", "Premise {code}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "Premise {id} was changed by someone else (version {current}, you "
                      "had {seen}); reopen it and record the visit again."),
    QT_TRANSLATE_NOOP("ErrorMessages", "Checklist {id} is not one for premises of type {premise_type}."),
    QT_TRANSLATE_NOOP("ErrorMessages", "Items {ids} are not on checklist {name}."),
    QT_TRANSLATE_NOOP("ErrorMessages", "Check-in {id} is not one at this premise."),
    # services.org_import
    QT_TRANSLATE_NOOP("ErrorMessages", "feature {index}, field {field}: {reason}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "duplicate of feature {index} ({code})"),
    QT_TRANSLATE_NOOP("ErrorMessages", "a district has no parent in this hierarchy"),
    QT_TRANSLATE_NOOP("ErrorMessages", "code {code}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "no org unit with {what} in the file or the database"),
    QT_TRANSLATE_NOOP("ErrorMessages", "name {name}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "no {kind} named {name} in the file or the database"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{count} units of kind {kind} are named {name}; give the parent's "
                      "code instead"),
    QT_TRANSLATE_NOOP("ErrorMessages", "missing: name the parent by code or by name"),
    QT_TRANSLATE_NOOP("ErrorMessages", "the unit with {what} is a {kind}; a {level}'s parent is a "
                      "{parent_kind}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{code} is already the code of the {kind} {name}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{code} exists under another parent; moving existing units is not "
                      "supported"),
    QT_TRANSLATE_NOOP("ErrorMessages", "outside the jurisdiction of {user}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{user} is not an administrator; only administrators import org "
                      "units"),
    # services.premise_photos
    QT_TRANSLATE_NOOP("ErrorMessages", "The {role} role may not add or remove photos."),
    QT_TRANSLATE_NOOP("ErrorMessages", "Photo {id} is no longer on file."),
    QT_TRANSLATE_NOOP("ErrorMessages", "Only {user}, who added {file}, or an administrator may remove it."),
    # services.premise_edit
    QT_TRANSLATE_NOOP("ErrorMessages", "a name is required"),
    QT_TRANSLATE_NOOP("ErrorMessages", "unknown premise type {value}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "an address is required"),
    QT_TRANSLATE_NOOP("ErrorMessages", "at most {count} characters"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{value} is neither a mobile nor a landline number"),
    QT_TRANSLATE_NOOP("ErrorMessages", "6–64 digits, capital letters or dashes"),
    QT_TRANSLATE_NOOP("ErrorMessages", "longitude {value} lies outside China"),
    QT_TRANSLATE_NOOP("ErrorMessages", "latitude {value} lies outside China"),
    QT_TRANSLATE_NOOP("ErrorMessages", "no grid with id {id}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "grid {name} lies outside the jurisdiction of {user}"),
    # services.premise_import
    QT_TRANSLATE_NOOP("ErrorMessages", "line {line}: {reason}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "line {line}: there is no candidate {number}; its address has "
                      "{count} candidates"),
    QT_TRANSLATE_NOOP("ErrorMessages", "no coordinates, and the address {address} matches nothing in the "
                      "address library"),
    QT_TRANSLATE_NOOP("ErrorMessages", "({lon}, {lat}) lies outside every grid of the district"),
    QT_TRANSLATE_NOOP("ErrorMessages", "its grid lies outside the jurisdiction of {user}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "a premise with code {code} already exists"),
    QT_TRANSLATE_NOOP("ErrorMessages", "duplicate of line {line} (code {code})"),
    QT_TRANSLATE_NOOP("ErrorMessages", "line {line}: not in {path}"),
    # importers.incident_tables
    QT_TRANSLATE_NOOP("ErrorMessages", "cannot be read as UTF-8 or GBK: {detail}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "must be one of {choices}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "expected a JSON object"),
    QT_TRANSLATE_NOOP("ErrorMessages", "unknown field(s) {names}; expected {expected}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "column missing"),
    QT_TRANSLATE_NOOP("ErrorMessages", "not a JSON mapping: {detail}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "not an XLSX workbook: {detail}"),
    # importers.incident_values
    QT_TRANSLATE_NOOP("ErrorMessages", "{value} is outside {low}..{high}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{value} is not a number"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{value} is not a date and time (e.g. 2026-11-30 09:30)"),
    # importers.open311
    QT_TRANSLATE_NOOP("ErrorMessages", "expected a JSON array of service requests"),
    QT_TRANSLATE_NOOP("ErrorMessages", "must be 'open' or 'closed', not {value}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "missing"),
    QT_TRANSLATE_NOOP("ErrorMessages", "not a JSON object"),
    # importers.org_units
    QT_TRANSLATE_NOOP("ErrorMessages", "{path}: not a readable Shapefile: {detail}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{path}: cannot tell the format from the name; expected .geojson, "
                      ".json or .shp"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{path}: mapped properties not in the file: {columns}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{path}: no property for {fields}; name it in the mapping file"),
    QT_TRANSLATE_NOOP("ErrorMessages", "unknown level {value}; expected one of {choices} (or map it under "
                      "values.kind)"),
    QT_TRANSLATE_NOOP("ErrorMessages", "no geometry"),
    QT_TRANSLATE_NOOP("ErrorMessages", "cannot be read: {detail}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "a {type}, expected Polygon or MultiPolygon"),
    QT_TRANSLATE_NOOP("ErrorMessages", "the polygon is empty"),
    QT_TRANSLATE_NOOP("ErrorMessages", "coordinates are not longitude/latitude degrees"),
    QT_TRANSLATE_NOOP("ErrorMessages", "invalid polygon: {detail}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{value} is longer than {count} characters"),
    # importers.premises
    QT_TRANSLATE_NOOP("ErrorMessages", "{path}: cannot read the mapping: {detail}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{path}: 'fields' must map targets ({targets}) to source columns"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{path}: 'fields' must map targets ({targets}) to source columns; "
                      "unknown {names}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "the file is neither UTF-8 nor GB18030/GBK text: {detail}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{path}: not a readable XLSX workbook: {detail}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{path}: not a GeoJSON FeatureCollection: {detail}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{path}: cannot tell the format from the name; expected .csv, .xlsx "
                      "or .geojson"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{path}: no such file"),
    QT_TRANSLATE_NOOP("ErrorMessages", "unknown premise type {value} (map it under values.type)"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{field} {value} is not a number"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{field} {value} is out of range"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{field} is missing"),
    QT_TRANSLATE_NOOP("ErrorMessages", "no coordinates (lon, lat) and no address to look them up"),
    QT_TRANSLATE_NOOP("ErrorMessages", "code {code} is longer than {count} characters"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{path}: mapped columns not in the file: {columns}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{path}: no column for {fields}; name it in the mapping file"),
    # widgets.premises.premise_form
    QT_TRANSLATE_NOOP("ErrorMessages", "choose a grid"),
    # domain.scoring: the notes on score lines (stored in English, read back by note_message)
    QT_TRANSLATE_NOOP("ErrorMessages", "daily cap {cap} reached"),
    QT_TRANSLATE_NOOP("ErrorMessages", "due {day}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "deadline {at}"),
)
