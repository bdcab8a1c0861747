# Kvadrant: English. The same messages as nb.ftl (see docs/TRANSLATING.md).

app-name = Kvadrant
tagline = Prioritise areas for collaboration by potential and feasibility – together, live.
decimal-separator = .

## Home

join-heading = Join a workshop
join-code-label = Code
join-button = Join
join-invalid = Codes have 6 letters and digits. Check it and try again.
create-heading = Create a workshop
create-intro = You get a private link that alone can change the workshop. Keep it safe.
title-label = Title
description-label = Description (optional)
create-button = Create workshop
demo-heading = Try an example
demo-intro = The example follows the 2022 workshop in Indre Namdal: 13 areas and 9 groups. The scores are illustrative.
demo-join = Score as a group
demo-results = See the result
demo-badge = Illustrative sample data

## Join

pick-group = Pick your group
skip-to-content = Skip to content
no-groups-yet = The facilitator has not made any groups yet.
see-results = See the result

## Group links

group-joined = joined
group-taken-hint = Has your group joined already? Ask someone in it for the group's link, or ask the facilitator.
invite-heading = Bring the rest of your group in
invite-intro = Everyone in the group can open this sheet with this link. Share it only with your group.
group-links-heading = Group links
group-links-help = Each group has its own link to its sheet. A new link retires the old one; Release lets the group be picked again on the join page.
group-not-joined = not joined yet
renew-group-link = New link
release-group = Release
fill-in-for-group = Fill in for the group
print-group-cards = Print group cards
renew-facilitator-link = New facilitator link
renew-facilitator-help = Has this link gone astray? A new one retires the old one at once, and renews the leaders' link too.
renew-code = New code
renew-code-help = A new code retires the old one and every link with it at once. Open screens and sheets move to the new one.
group-cards-heading = Group cards
group-card-scan = Scan the code or open the link to score:

## Sheet

sheet-intro = Score each area from low to high on potential and feasibility. Every change is saved at once, and everyone in the group shares this sheet.
sheet-intro-plain = Score each area from low to high on potential and feasibility, and press “Save” by the area. Everyone in the group shares this sheet.
scoring-closed-notice = Scoring is closed. The sheet can be read but not changed.
no-category = No category
not-set = –
saving = Saving …
saved = Saved
save-failed = Not saved.
retry = Try again
scored-count = { $done } of { $total } areas have both scores
round-of = Round { $n }
previous-scores = Previous round
back-to-groups = Change group

## Axes and matrix

potential = Potential
feasibility = Feasibility
potential-short = P
feasibility-short = F
potential-low = Low
potential-high = High potential
feasibility-low = Hard
feasibility-high = Easy to carry out
quadrant-high-potential-easy = Easy to carry out, high potential
quadrant-high-potential-hard = Hard to carry out, but high potential
quadrant-low-potential-easy = Easy to carry out, but low potential
quadrant-low-potential-hard = Hard to carry out, low potential
matrix-title = Priority matrix
matrix-moved-note = Numbers are places in the ranking, which names each area's quadrant. Where points crowd, a marker is moved a little, with a line to its true point.
moves-note = Arrows run from where the areas stood in round { $round } to where they stand now.
rank-in-round = round { $round }: { $rank }

## Results

results-heading = Result
ranked-heading = Ranking
rank = Rank
area = Area
category = Category
combined = Combined (P × F)
groups-scored = Groups
spread = Spread
spread-help = one dot per group, tick = mean, band = ± sd
rank-band = Possible place
rank-band-help = 90 % of the draws
too-few-groups = too few groups
# $axis is the axis's one-letter name; $n the number of groups; $values the scores, listed
strip-summary = { $axis }: { $n } groups, mean { $mean }, median { $median }, sd { $sd }. The scores: { $values }.
by-group = Each group
too-few-to-show = too few groups to show
top-share = Chance of top { $k }
place-clearly-ahead = clearly in the top { $k }
place-uncertain = uncertain for the top { $k }
place-clearly-behind = outside the top { $k }
dissent-potential = The groups disagree on potential.
dissent-feasibility = The groups disagree on feasibility.
dissent-both = The groups disagree on both potential and feasibility.
dissent-heading = Dissent
agreement-weak = weak
agreement-moderate = moderate
agreement-strong = strong
# $w is Kendall's W, formatted; $reading is the word for its strength (agreement-weak, -moderate or -strong)
agreement = Agreement on the order (Kendall's W, { $groups } groups): { $w }, { $reading }.
unscored-heading = Not scored yet
unscored-help = No group has given these areas both scores. They are not ranked.
nothing-scored = No area has been scored yet.
groups-of = { $n ->
    [one] { $n } group
   *[other] { $n } groups
}
download-csv = Download CSV
download-json = JSON
method-note = Means are taken over the groups that gave both scores; the spread is the standard deviation (sd) between them. The combined score is mean potential × mean feasibility. Equal scores share a rank, higher potential listed first. A mean on the midline (5.5) counts as the high side.

## Facilitator

manage-heading = Facilitator
manage-private = This is your private link. Whoever has it can change the workshop.
join-code = Code
join-link = Link for participants
scoring-is-open = Scoring is open.
scoring-is-closed = Scoring is closed.
open-scoring = Open scoring
close-scoring = Close scoring
start-round = Start round { $n }
start-round-help = This round's scores are kept. The sheets are emptied, and the groups see their previous scores. Cannot be undone.
details-heading = About the workshop
save = Save
remove = Remove
move-up = Move up
move-down = Move down
categories-heading = Categories
add-category = Add category
areas-heading = Areas
add-area = Add area
name-label = Name
groups-heading = Groups
groups-count-label = Number of new groups
groups-names-label = … or names, one per line
add-groups = Add groups
empty-list = None yet.

## Live

live-heading = Live
connecting = Connecting …
results-hidden-notice = The results are hidden until the facilitator reveals them.
results-are-hidden = The results are hidden from participants and the big screen.
results-are-visible = Participants and the big screen see the results.
hide-results = Hide the results
reveal-results = Reveal the results
progress-heading = Group progress
group = Group
areas-done = Areas done
last-activity = Last change
groups-done = { $done } of { $total } groups are done
big-screen = Big screen
scan-to-join = Scan the code or go to
top-ranked = Top { $n }
list-changed = The facilitator has changed the list of areas.
new-round-notice = A new round has started: score again.
reload = Reload

## Toolkit

mean = mean
minimum = min
maximum = max
quadrant-heading = Quadrant
segment = Segment
all-groups = All groups
n-groups = n = { $n }
segment-filter = Show results for
compare-with = Compare with
no-comparison = No comparison
show = Show
sheet-ranking = Ranking
sheet-scores = Scores by group
sheet-scores-help = Every group's scores, with the group's tags (segments).
sheet-comments = Comments
sheet-raised = Raised, not scored
sheet-changes = Change log
changes-help = Every change to the workshop: when (UTC), who and what.
area-history = History
no-changes = No changes yet.
change-time = Time (UTC)
change-who = Who
change-what = What
change-about = Area or subject
change-field = Field
change-from = From
change-to = To
facilitator-actor = Facilitator
facilitator-for = Facilitator for { $group }
change-action-score-set = Score set
change-action-score-cleared = Score cleared
change-action-comment-saved = Comment saved
change-action-comment-removed = Comment removed
change-action-suggestion-made = Area proposed
change-action-suggestion-accepted = Proposal put on the list
change-action-suggestion-kept = Proposal raised, not scored
change-action-area-added = Area added
change-action-area-changed = Area changed
change-action-area-removed = Area removed
change-action-category-added = Category added
change-action-category-changed = Category changed
change-action-category-removed = Category removed
change-action-group-added = Group added
change-action-group-changed = Group changed
change-action-group-removed = Group removed
change-action-group-joined = Group joined
change-action-group-link-renewed = Group link renewed
change-action-group-released = Group released
change-action-order-changed = Order changed
change-action-title-changed = Title changed
change-action-description-changed = Description changed
change-action-settings-changed = Setting changed
change-action-scoring-opened = Scoring opened
change-action-scoring-closed = Scoring closed
change-action-round-started = New round started
change-action-results-hidden = Results hidden
change-action-results-revealed = Results revealed
change-action-review-link-renewed = Leaders' link renewed
changed-field-name = Name
changed-field-description = Description
changed-field-category = Category
changed-field-tags = Tags
changed-field-title = Title
changed-field-scale = Scale
changed-field-potential-label = Name of potential
changed-field-feasibility-label = Name of feasibility
changed-field-potential-midline = Midline of potential
changed-field-feasibility-midline = Midline of feasibility
changed-field-language = Language
changed-field-categories = Categories
changed-field-areas = Areas
changed-field-groups = Groups
rationale = Rationale
risks = Risks and barriers
timeframe-label = Timeframe
timeframe-short = Within a year
timeframe-medium = 1–3 years
timeframe-long = More than 3 years
no-timeframe = Not chosen
comments-heading = Comments from the groups
comment-summary = Rationale, risks and timeframe
save-comment = Save comment
comment-saved = Comment saved.
suggest-heading = Is an area missing?
suggest-intro = Suggest it here. The facilitator decides whether it goes on the list.
suggest-button = Send suggestion
suggested-notice = Thank you! The suggestion went to the facilitator.
suggestions-heading = Suggestions from participants
no-suggestions = No suggestions yet.
accept-suggestion = Add to the list
keep-suggestion = Raised, not scored
suggestion-status-pending = Waiting
suggestion-status-accepted = Added to the list
suggestion-status-kept = Raised, not scored
raised-heading = Raised but not scored
raised-help = Areas participants proposed that were not scored.
settings-heading = Settings
scale-min-label = Lowest score
scale-max-label = Highest score
scale-help = From 1–5 to 0–10. The scale cannot change once groups have scored.
potential-name-label = Name of the vertical axis
feasibility-name-label = Name of the horizontal axis
axis-name-help = Empty gives 'Potential' and 'Feasibility'.
potential-midline-label = Midline, vertical axis
feasibility-midline-label = Midline, horizontal axis
midline-help = Empty gives the middle of the scale. Whole or half numbers.
language-label = Language of the workshop
aggregate-label = The groups' scores are brought together by
aggregate-name-mean = mean
aggregate-name-median = median (one group far from the rest does not move it)
combined-by-mean = Combined score = mean potential × mean feasibility
combined-by-median = Combined score = median potential × median feasibility
certainty-help = How sure the ranking is
dissent-percent-label = Dissent when sd is above (% of the scale)
top-places-label = Odds of the top (e.g. 3, 5)
min-segment-label = Fewest groups a segment shown must have
tags-label = Tags
tags-help = One per line, for example 'Role: Elected' or 'Municipality: Lierne'.
review-heading = Link for leaders
review-help = Shows results, comments and exports, and cannot change anything.
renew-review = Make a new link (the old one stops working)
review-badge = Read-only access for leaders
exports-heading = Download
download-xlsx = Excel workbook (everything)
download-csv-excel = CSV for Norwegian Excel
download-svg = The matrix as SVG
download-png = The matrix as PNG
download-setup = Setup (JSON)
print = Print
# $day and $month arrive zero-padded (05, 03)
date = { $year }-{ $month }-{ $day }
report-date = Printed { $date }
my-workshops = My workshops
my-workshops-help = The workshops you opened as facilitator in this browser.
no-my-workshops = None yet. Workshops you create or open as facilitator appear here.
forget = Forget
import-heading = Start from a setup
import-help = Paste a setup (JSON) downloaded from another workshop.
import-button = Create workshop from the setup
import-file-label = Choose a setup file
import-text-label = … or paste the setup
duplicate-heading = Use as a template
duplicate-help = Makes a new workshop with the same settings, categories and areas, without groups or scores.
duplicate-button = Make a copy
open = Open

## Errors

not-found = Page not found.
loading = Loading …
unreachable = Could not reach the server. Check the connection and try again.

## The facilitator's parts, checklist, safe removal

parts-label = Parts of the workshop
part-prepare = Prepare
part-run = Run
part-review = Review
checklist-heading = Before the groups start
check-areas = { $n ->
    [one] { $n } area added.
   *[other] { $n } areas added.
}
check-areas-missing = Add the areas the groups will score.
check-groups = { $n ->
    [one] { $n } group ready.
   *[other] { $n } groups ready.
}
check-groups-missing = Add the groups.
check-open = Scoring is open.
check-open-missing = Open scoring when the groups are ready (under Run).
bulk-areas-label = Paste several areas, one per line (optionally “Category: Area”)
add-areas = Add the areas
added = “{ $name }” added.
areas-added = { $n ->
    [one] { $n } area added.
   *[other] { $n } areas added.
}
# $scored is the number of groups that had scored the area
removed-areas = “{ $name }” removed, with the scores of { $scored } groups and { $comments } comments.
# $scored is the number of areas the group had scored
removed-groups = “{ $name }” removed, with the group's scores on { $scored } areas and { $comments } comments.
removed-categories = “{ $name }” removed; { $areas } areas are now without a category.
undo = Undo removing “{ $name }”
undo-help = Can be undone for { $minutes } minutes.
restored = Put back, with its scores and comments.
remove-area-takes = { $groups ->
    [0] No group has scored this area yet.
    [one] { $groups } group has scored this area, and it has { $comments } comments. All come back if you undo.
   *[other] { $groups } groups have scored this area, and it has { $comments } comments. All come back if you undo.
}
remove-group-takes = { $areas ->
    [0] This group has not scored yet.
    [one] This group has scored { $areas } area and written { $comments } comments. All come back if you undo.
   *[other] This group has scored { $areas } areas and written { $comments } comments. All come back if you undo.
}
remove-category-takes = The category's areas stay, without a category.
remove-for-good = Remove “{ $name }”
copy = Copy
copied = Copied
open-big-screen = Open the big screen
description-summary = Description
fullscreen-hint = F: full screen

## Deleting a workshop

delete-heading = Delete the workshop
delete-help = Everything is deleted for good: the areas, groups, scores, comments, suggestions and the change log. Its links and code stop working, and open screens and sheets close. This cannot be undone; download what you want to keep first.
delete-confirm = I want to delete this workshop and everything in it for good
delete-button = Delete the workshop
# $date is the day it will be deleted, as `date` writes it
deleted-on = The workshop will be deleted automatically on { $date } unless something changes before then; every change moves the date.


## Domain errors (error_text). A field error reads `error-invalid`: the field's name
## (`field-…`), where in a pasted setup it sits (` (areas[3].category)`, or nothing), and the
## rule it broke (`rule-…`). English names a field by its name on the wire, in words.

rule-required = is required
rule-too-long = must be at most { $max } characters
rule-control-character = must not contain invisible control characters
rule-out-of-range = must be a whole number from { $min } to { $max }
rule-malformed-join-code = must be a join code of 6 letters and digits
rule-malformed-axis = must be 'potential' or 'feasibility'
rule-malformed-json = must be valid JSON of the documented shape
rule-malformed-whole-number = must be a whole number
rule-malformed-number = must be a number
rule-malformed-language = must be 'nb', 'nn' or 'en'
rule-malformed-timeframe = must be 'short', 'medium' or 'long'
rule-malformed-segment = must be 'dimension=value'
rule-malformed-csv-dialect = must be 'standard' or 'excel-no'
rule-malformed-results-view = must be 'official' or 'normalised'
rule-malformed-aggregate = must be 'mean' or 'median'
rule-malformed-tag = must be 'dimension: value'
rule-half-step = must be from { $min } to { $max } in steps of 0.5
rule-locked = cannot change once groups have scored
rule-foreign = does not belong to this workshop
rule-duplicate = is listed more than once
rule-incomplete = must list every item exactly once
rule-too-few-groups = has fewer groups than the { $min } a segment must have to be shown
rule-nothing-scored = has no scores yet: a new round begins once the groups have scored this one

field-title = Title
field-description = Description
field-name = Name
field-count = Count
field-code = Code
field-value = Value
field-category-id = Category
field-setup = Setup
field-kvadrant-setup = Kvadrant setup
field-scale-min = Scale min
field-scale-max = Scale max
field-potential-label = Axis label
field-potential-midline = Midline
field-language = Language
field-dissent-percent = Dissent percent
field-top-places = Top places
field-min-segment-groups = Min segment groups
field-view = View
field-round = Round
field-aggregate = Aggregate
field-tags = Tags
field-rationale = Rationale
field-confirm = Confirmation
field-risks = Risks
field-timeframe = Timeframe
field-segment = Segment
field-scale = Scale
field-suggestions = Suggestions
field-categories = Categories
field-areas = Areas
field-groups = Groups
field-comments = Comments
field-area-id = Area id
field-id = Id
field-limit = Limit
field-dialect = Dialect
field-body = Request
field-unknown = Value

error-invalid = { $field }{ $place } { $rule }.
error-not-found-workshop = No such workshop.
error-not-found-category = No such category.
error-not-found-area = No such area.
error-not-found-group = No such group.
error-not-found-suggestion = No such suggestion.
error-not-found-removal = The removal can no longer be undone.
error-credentials-required = This needs a private link: the group's or the facilitator's.
error-forbidden = This link does not give access to this.
error-already-joined = This group has joined already. Ask someone in the group for its link, or the facilitator.
error-scoring-closed = Scoring is closed.
error-results-hidden = The results appear when the facilitator reveals them.
error-conflict = The workshop changed at the same moment. Reload and try again.
error-rate-limited = Too many attempts from this address. Try again in { $retry_after } seconds.
error-busy = The server is busy. Try again in { $retry_after } seconds.
error-internal = Something went wrong on our side. Try again shortly.

guide-heading = How to read the results
guide-rounds = Rounds
guide-now = now
guide-spread-switch = Show the spread on the matrix (± 1 sd)
guide-official = Official ranking
guide-normalised = Without each group's own level
guide-normalised-note = Without each group's own level: each group's scores are taken from the group's own mean, so a group that gives everything 9–10 weighs like one that uses the whole scale. An aid to reading the official ranking, not a result of its own; the official place is in brackets. The possible place is of the official place.
guide-entry-score-term = Combined score
guide-entry-score = Each area gets the mean of the groups' scores for potential (P) and for feasibility (F), over the groups that gave both. The combined score is mean P × mean F, and the rank follows it.
guide-entry-spread-term = Spread
guide-entry-spread = Each dot is one group's score. The tick is the mean, the light band the mean ± one standard deviation (sd). On the matrix the cross shows the same on each axis. "Each group" shows who gave what.
guide-entry-dissent-term = Dissent
guide-entry-dissent = An area is flagged when the standard deviation on an axis is more than { $threshold_percent } of the scale's range (sd / (highest − lowest) > { $threshold }), unless the workshop chose another limit: the groups then saw it very differently. On the matrix it has a dashed ring.
guide-entry-place-term = Possible place
guide-entry-place = The groups are drawn again { $resamples } times, with replacement, as if other groups had come, and the ranking is worked out for each draw. The possible place is the places the area takes in { $band_percent } of the draws. A narrow band is a sure place, a wide one a place that depends on which groups took part. "Clearly in the top { $top }" means the whole band is inside it, "uncertain for the top { $top }" that it crosses the cut (the top { $top_places } unless the workshop chose others). With fewer than { $min_groups } groups no place is shown. The same scores always give the same band.
guide-top-places-and = and
guide-entry-agreement-term = Agreement
guide-entry-agreement = Kendall's W measures how alike the orders the groups gave the areas are, from 0 (no agreement) to 1 (complete): weak below 0.3, moderate below 0.6, strong from there. Only groups that scored every area count.
guide-entry-rounds-term = Rounds
guide-entry-rounds = After discussing the results the facilitator can start another round, in which the groups score again, seeing their scores of the round before. Each round is kept as it was and can be read under "Rounds". The matrix's arrows run from where an area stood in round 1 to where it stands now, and the list gives its place in round 1 under its place now.
about-accessibility = Accessibility
about-privacy = Privacy
about-accessibility-intro = Kvadrant is meant for everyone, by keyboard, screen reader, magnification and on phones, and aims to meet WCAG 2.1 at levels A and AA, as the Norwegian regulation on universal design of ICT requires.
about-accessibility-checked-heading = How it is checked
about-accessibility-checked-1 = Every page is checked automatically before every release: with axe-core against every WCAG 2.0 and 2.1 rule at levels A and AA, in bokmål, nynorsk and English, at full width and at phone width, and in the states a workshop passes through (scoring open and closed, results hidden and shown, a comment form open, an error shown). Its HTML is checked with the Nu HTML Checker. Contrast, focus and order were also checked by hand.
about-accessibility-checked-2 = The prioritisation matrix is a picture; the ranking below it says the same in text, with each area's quadrant. Categories differ in both colour and shape.
about-accessibility-shortcomings-heading = Known shortcomings
about-accessibility-shortcomings-1 = The big screen is made for a projector in a meeting room; the results page has the same content.
about-privacy-intro = Kvadrant needs no personal data: no account, no name, no e-mail address. What it keeps is what a workshop is made of.
about-privacy-kept-heading = What is kept
about-privacy-kept-1 = The workshop's title and description, its areas, categories, the groups' names and tags, the scores the groups give, their comments and suggestions, and a log of who (a group or the facilitator) changed what, and when.
about-privacy-kept-2 = Comments and suggestions are free text and may hold personal data if someone types it in. Do not write about individuals.
about-privacy-kept-3 = The links that give access (the facilitator's, the leaders' and the groups') are secret: whoever has a link has the access it gives.
about-privacy-not-kept-heading = What is not kept
about-privacy-not-kept-1 = No tracking, no analytics and no content from other sites. IP addresses are held in memory for a short while only, to stop abuse, and written to the service's log only when an address is refused for too many attempts.
about-privacy-where-heading = Where, and for how long
about-privacy-where-1 = Everything is kept in the database of the organisation that runs this service, on its own servers. The facilitator can delete a workshop with everything in it at any time (under Review).
about-retention = This service deletes a workshop with everything in it { $days } days after its last change.
about-no-retention = This service keeps workshops until they are deleted.
about-privacy-responsible-heading = Who is responsible
about-privacy-responsible-1 = The organisation that runs this service is the controller. You can ask it for access to, correction of and deletion of your data.
about-cookies-heading = Cookies and storage in the browser
about-cookie-language = the language you chose, for a year
about-cookie-group-key = the group's key, so that its sheet can follow changes; until the browser closes
about-cookie-facilitator = the facilitator's key, for the page that follows the workshop; until the browser closes
about-cookie-leaders = the leaders' key, for the results they follow; until the browser closes
about-local-storage = The facilitator links this browser has opened are kept in the browser only, so that the home page can list them. They are not sent to the service.
about-undo = When an area or a group is removed, its scores and comments are deleted for good after { $minutes } minutes; until then it can be undone.
about-contact-heading = Contact
about-contact-given = Send feedback on accessibility and questions about privacy to:
about-contact-missing = Send feedback on accessibility and questions about privacy to the organisation that invited you to the workshop. In Norway you can also complain to the Authority for Universal Design of ICT (uutilsynet.no).
