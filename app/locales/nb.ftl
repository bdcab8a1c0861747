# Kvadrant: bokmål. Every message here must exist in nn.ftl and en.ftl too (see docs/TRANSLATING.md).

app-name = Kvadrant
tagline = Prioriter samarbeidsområder etter potensial og gjennomførbarhet – sammen, i sanntid.
decimal-separator = ,

## Home

join-heading = Bli med i en workshop
join-code-label = Kode
join-button = Bli med
join-invalid = Koden har 6 tegn, bokstaver og tall. Sjekk den og prøv igjen.
create-heading = Lag en ny workshop
create-intro = Du får en privat lenke som bare du kan bruke til å endre workshopen. Ta vare på den.
title-label = Tittel
description-label = Beskrivelse (valgfritt)
create-button = Lag workshop
demo-heading = Prøv et eksempel
demo-intro = Eksempelet bygger på workshopen i Indre Namdal i 2022: 13 samarbeidsområder og 9 grupper. Poengene er illustrerende.
demo-join = Gi poeng som en gruppe
demo-results = Se resultatet
demo-badge = Illustrerende eksempeldata

## Join

pick-group = Velg gruppen din
skip-to-content = Gå til innholdet
no-groups-yet = Fasilitatoren har ikke laget grupper ennå.
see-results = Se resultatet

## Group links

group-joined = med
group-taken-hint = Er gruppen din alt med? Be noen i gruppen om gruppens lenke, eller spør fasilitatoren.
invite-heading = Få med resten av gruppen
invite-intro = Alle i gruppen kan åpne dette arket med denne lenken. Del den bare med gruppen din.
group-links-heading = Gruppelenker
group-links-help = Hver gruppe har sin egen lenke til arket sitt. En ny lenke stenger den gamle; «Frigi» lar gruppen velges på nytt fra påmeldingssiden.
group-not-joined = ikke med ennå
renew-group-link = Ny lenke
release-group = Frigi
fill-in-for-group = Fyll ut for gruppen
print-group-cards = Skriv ut gruppekort
renew-facilitator-link = Ny fasilitatorlenke
renew-facilitator-help = Har denne lenken kommet på avveie? En ny lenke stenger den gamle med en gang, og lederlenken fornyes også.
renew-code = Ny kode
renew-code-help = En ny kode stenger den gamle og alle lenker med den med en gang. Åpne skjermer og ark flytter over til den nye.
group-cards-heading = Gruppekort
group-card-scan = Skann koden eller åpne lenken for å score:

## Sheet

sheet-intro = Gi hvert område poeng fra lav til høy for potensial og gjennomførbarhet. Alt lagres med en gang, og alle i gruppen deler det samme arket.
# The same, before scripts run: each area is saved with its own button.
sheet-intro-plain = Gi hvert område poeng fra lav til høy for potensial og gjennomførbarhet, og trykk «Lagre» ved området. Alle i gruppen deler det samme arket.
scoring-closed-notice = Poenggivingen er stengt. Arket kan leses, men ikke endres.
no-category = Uten kategori
not-set = –
saving = Lagrer …
saved = Lagret
save-failed = Ikke lagret.
retry = Prøv igjen
scored-count = { $done } av { $total } områder har fått begge poeng
# A round by its number.
round-of = Runde { $n }
# The group's scores in the round before: its name, then P and G.
previous-scores = Forrige runde
back-to-groups = Bytt gruppe

## Axes and matrix

potential = Potensial
feasibility = Gjennomførbarhet
# One-letter forms, as in the combined score's heading.
potential-short = P
feasibility-short = G
potential-low = Lavt
potential-high = Høyt potensial
feasibility-low = Vanskelig
feasibility-high = Lett å gjennomføre
quadrant-high-potential-easy = Lett å gjennomføre og høyt potensial
quadrant-high-potential-hard = Vanskelig å gjennomføre, men høyt potensial
quadrant-low-potential-easy = Lett å gjennomføre, men lavt potensial
quadrant-low-potential-hard = Vanskelig å gjennomføre og lavt potensial
matrix-title = Prioriteringsmatrise
matrix-moved-note = Tallene er plassering i rangeringen; rangeringen nevner kvadranten til hvert område. Der punkter ligger tett, er merket flyttet litt, med en strek til det egentlige punktet.
# Under a matrix with arrows: the round they start from.
moves-note = Pilene går fra der områdene sto i runde { $round }, til der de står nå.
# An area's place in an earlier round: the round, the rank.
rank-in-round = runde { $round }: { $rank }.

## Results

results-heading = Resultat
ranked-heading = Rangering
rank = Plass
area = Område
category = Kategori
combined = Samlet (P × G)
groups-scored = Grupper
spread = Spredning
spread-help = én prikk per gruppe, strek = snitt, felt = ± sd
rank-band = Mulig plass
rank-band-help = 90 % av trekningene
too-few-groups = for få grupper
# A strip's title: axis, n, mean, median, sd, the values.
# $axis is the axis's one-letter name; $n the number of groups; $values the scores, listed
strip-summary = { $axis }: { $n } grupper, snitt { $mean }, median { $median }, sd { $sd }. Poengene: { $values }.
by-group = Hver gruppe
too-few-to-show = for få grupper til å vises
top-share = Sjanse for topp { $k }
# An area against the top k: clearly ahead, uncertain, clearly behind.
place-clearly-ahead = sikkert blant topp { $k }
place-uncertain = usikkert om topp { $k }
place-clearly-behind = utenfor topp { $k }
# The groups disagree on potential, on feasibility, on both.
dissent-potential = Gruppene er uenige om potensialet.
dissent-feasibility = Gruppene er uenige om gjennomførbarheten.
dissent-both = Gruppene er uenige om både potensial og gjennomførbarhet.
dissent-heading = Uenighet
agreement-weak = svak
agreement-moderate = moderat
agreement-strong = sterk
# $w is Kendall's W, formatted; $reading is the word for its strength (agreement-weak, -moderate or -strong)
agreement = Enighet om rekkefølgen (Kendalls W, { $groups } grupper): { $w }, { $reading }.
unscored-heading = Ikke vurdert ennå
unscored-help = Ingen gruppe har gitt disse områdene begge poeng. De rangeres ikke.
nothing-scored = Ingen områder har fått poeng ennå.
groups-of = { $n ->
    [one] { $n } gruppe
   *[other] { $n } grupper
}
download-csv = Last ned CSV
download-json = JSON
method-note = Snittet er tatt over gruppene som har gitt begge poeng; spredningen er standardavviket (sd) mellom dem. Samlet poeng er snitt potensial × snitt gjennomførbarhet. Like poeng deler plass; da står høyest potensial først. Et snitt på midtlinjen (5,5) regnes til den høye siden.

## Facilitator

manage-heading = Fasilitator
manage-private = Dette er din private lenke. Den som har den, kan endre workshopen.
join-code = Kode
join-link = Lenke for deltakere
scoring-is-open = Poenggivingen er åpen.
scoring-is-closed = Poenggivingen er stengt.
open-scoring = Åpne poenggivingen
close-scoring = Steng poenggivingen
start-round = Start runde { $n }
start-round-help = Poengene fra denne runden tas vare på. Arkene tømmes, og gruppene ser sine forrige poeng. Kan ikke angres.
details-heading = Om workshopen
save = Lagre
remove = Fjern
move-up = Flytt opp
move-down = Flytt ned
categories-heading = Kategorier
add-category = Legg til kategori
areas-heading = Samarbeidsområder
add-area = Legg til område
name-label = Navn
groups-heading = Grupper
groups-count-label = Antall nye grupper
groups-names-label = … eller navn, ett per linje
add-groups = Legg til grupper
empty-list = Ingen ennå.

## Live

live-heading = Underveis
connecting = Kobler til …
results-hidden-notice = Resultatene er skjult til fasilitatoren viser dem fram.
results-are-hidden = Resultatene er skjult for deltakerne og storskjermen.
results-are-visible = Deltakerne og storskjermen ser resultatene.
hide-results = Skjul resultatene
reveal-results = Vis resultatene
progress-heading = Gruppenes framdrift
group = Gruppe
areas-done = Områder ferdig
last-activity = Sist endret
groups-done = { $done } av { $total } grupper er ferdige
big-screen = Storskjerm
scan-to-join = Skann koden eller gå til
top-ranked = Topp { $n }
list-changed = Fasilitatoren har endret lista over områder.
new-round-notice = En ny runde har startet: gi poeng på nytt.
reload = Last inn på nytt

## Toolkit

mean = snitt
minimum = min
maximum = maks
quadrant-heading = Kvadrant
segment = Utvalg
all-groups = Alle grupper
n-groups = n = { $n }
segment-filter = Vis resultatet for
compare-with = Sammenlign med
no-comparison = Ingen sammenligning
show = Vis
sheet-ranking = Rangering
sheet-scores = Poeng per gruppe
sheet-scores-help = Hver gruppes poeng, med gruppens merkelapper (utvalg).
sheet-comments = Kommentarer
sheet-raised = Reist, ikke scoret
sheet-changes = Endringslogg
changes-help = Hver endring i workshopen: når (UTC), hvem og hva.
area-history = Historikk
no-changes = Ingen endringer ennå.
change-time = Tid (UTC)
change-who = Hvem
change-what = Hva
change-about = Område eller gjelder
change-field = Felt
change-from = Fra
change-to = Til
facilitator-actor = Fasilitator
facilitator-for = Fasilitator for { $group }
# A change log action's name, if it is one this version knows.
change-action-score-set = Poeng satt
change-action-score-cleared = Poeng fjernet
change-action-comment-saved = Kommentar lagret
change-action-comment-removed = Kommentar fjernet
change-action-suggestion-made = Område foreslått
change-action-suggestion-accepted = Forslag lagt på listen
change-action-suggestion-kept = Forslag reist, ikke scoret
change-action-area-added = Område lagt til
change-action-area-changed = Område endret
change-action-area-removed = Område fjernet
change-action-category-added = Kategori lagt til
change-action-category-changed = Kategori endret
change-action-category-removed = Kategori fjernet
change-action-group-added = Gruppe lagt til
change-action-group-changed = Gruppe endret
change-action-group-removed = Gruppe fjernet
change-action-group-joined = Gruppe tatt
change-action-group-link-renewed = Ny gruppelenke
change-action-group-released = Gruppe frigitt
change-action-order-changed = Rekkefølge endret
change-action-title-changed = Tittel endret
change-action-description-changed = Beskrivelse endret
change-action-settings-changed = Innstilling endret
change-action-scoring-opened = Scoring åpnet
change-action-scoring-closed = Scoring stengt
change-action-round-started = Ny runde startet
change-action-results-hidden = Resultatene skjult
change-action-results-revealed = Resultatene vist
change-action-review-link-renewed = Ny lederlenke
# A changed field's name, unless it is an axis.
changed-field-name = Navn
changed-field-description = Beskrivelse
changed-field-category = Kategori
changed-field-tags = Merkelapper
changed-field-title = Tittel
changed-field-scale = Skala
changed-field-potential-label = Navn på potensial
changed-field-feasibility-label = Navn på gjennomførbarhet
changed-field-potential-midline = Midtlinje for potensial
changed-field-feasibility-midline = Midtlinje for gjennomførbarhet
changed-field-language = Språk
changed-field-categories = Kategorier
changed-field-areas = Områder
changed-field-groups = Grupper
rationale = Begrunnelse
risks = Risiko og hindringer
timeframe-label = Tidsperspektiv
timeframe-short = Innen et år
timeframe-medium = 1–3 år
timeframe-long = Mer enn 3 år
no-timeframe = Ikke valgt
comments-heading = Kommentarer fra gruppene
comment-summary = Begrunnelse, risiko og tidsperspektiv
save-comment = Lagre kommentar
comment-saved = Kommentaren er lagret.
suggest-heading = Mangler et område?
suggest-intro = Foreslå det her. Fasilitatoren avgjør om det tas med i lista.
suggest-button = Send forslag
suggested-notice = Takk! Forslaget er sendt til fasilitatoren.
suggestions-heading = Forslag fra deltakerne
no-suggestions = Ingen forslag ennå.
accept-suggestion = Ta med i lista
keep-suggestion = Reist, ikke scoret
suggestion-status-pending = Venter
suggestion-status-accepted = Tatt med i lista
suggestion-status-kept = Reist, ikke scoret
raised-heading = Reist, men ikke scoret
raised-help = Områder deltakerne foreslo som ikke kom med i poenggivingen.
settings-heading = Innstillinger
scale-min-label = Laveste poeng
scale-max-label = Høyeste poeng
scale-help = Fra 1–5 til 0–10. Skalaen kan ikke endres etter at gruppene har gitt poeng.
potential-name-label = Navn på den loddrette aksen
feasibility-name-label = Navn på den vannrette aksen
axis-name-help = Tomt gir «Potensial» og «Gjennomførbarhet».
potential-midline-label = Midtlinje, loddrett akse
feasibility-midline-label = Midtlinje, vannrett akse
midline-help = Tomt gir midten av skalaen. Hele eller halve tall.
language-label = Språk i workshopen
aggregate-label = Gruppenes poeng slås sammen med
aggregate-name-mean = snitt
aggregate-name-median = median (én gruppe langt fra de andre flytter den ikke)
# How the combined score is made, named on every results page.
combined-by-mean = Samlet poeng = snitt potensial × snitt gjennomførbarhet
combined-by-median = Samlet poeng = median potensial × median gjennomførbarhet
certainty-help = Hvor sikker rangeringen er
dissent-percent-label = Uenighet ved sd over (% av skalaen)
top-places-label = Sjanse for topp (f.eks. 3, 5)
min-segment-label = Minste antall grupper i et segment som vises
tags-label = Merkelapper
tags-help = Én per linje, for eksempel «Rolle: Folkevalgte» eller «Kommune: Lierne».
review-heading = Lenke for ledere
review-help = Viser resultat, kommentarer og eksport, men kan ikke endre noe.
renew-review = Lag ny lenke (den gamle slutter å virke)
review-badge = Lesetilgang for ledere
exports-heading = Last ned
download-xlsx = Excel-arbeidsbok (alt)
download-csv-excel = CSV for norsk Excel
download-svg = Matrisen som SVG
download-png = Matrisen som PNG
download-setup = Oppsett (JSON)
print = Skriv ut
# $day and $month arrive zero-padded (05, 03)
date = { $day }.{ $month }.{ $year }
report-date = Utskrift { $date }
my-workshops = Mine workshoper
my-workshops-help = Workshopene du har åpnet som fasilitator i denne nettleseren.
no-my-workshops = Ingen ennå. Når du lager eller åpner en workshop som fasilitator, dukker den opp her.
forget = Glem
import-heading = Start fra et oppsett
import-help = Lim inn et oppsett (JSON) som er lastet ned fra en annen workshop.
import-button = Lag workshop fra oppsettet
import-file-label = Velg en oppsettfil
import-text-label = … eller lim inn oppsettet
duplicate-heading = Bruk som mal
duplicate-help = Lager en ny workshop med samme innstillinger, kategorier og områder, uten grupper og poeng.
duplicate-button = Lag kopi
open = Åpne

## Errors

not-found = Fant ikke siden.
loading = Laster …
# When a request did not reach the server or its answer could not be read.
unreachable = Fikk ikke kontakt med serveren. Sjekk nettet og prøv igjen.

## The facilitator's parts, checklist, safe removal

parts-label = Workshopens deler
part-prepare = Forbered
part-run = Gjennomfør
part-review = Etterarbeid
checklist-heading = Før gruppene starter
check-areas = { $n ->
    [one] { $n } område er lagt til.
   *[other] { $n } områder er lagt til.
}
check-areas-missing = Legg til områdene gruppene skal vurdere.
check-groups = { $n ->
    [one] { $n } gruppe er klar.
   *[other] { $n } grupper er klare.
}
check-groups-missing = Legg til gruppene.
check-open = Poenggivingen er åpen.
check-open-missing = Åpne poenggivingen når gruppene er klare (under Gjennomfør).
bulk-areas-label = Lim inn flere områder, ett per linje (eventuelt «Kategori: Område»)
add-areas = Legg til områdene
added = «{ $name }» er lagt til.
areas-added = { $n ->
    [one] { $n } område er lagt til.
   *[other] { $n } områder er lagt til.
}
# $scored is the number of groups that had scored the area
removed-areas = «{ $name }» er fjernet, med poengene fra { $scored } grupper og { $comments } kommentarer.
# $scored is the number of areas the group had scored
removed-groups = «{ $name }» er fjernet, med poengene gruppen ga { $scored } områder og { $comments } kommentarer.
removed-categories = «{ $name }» er fjernet; { $areas } områder står nå uten kategori.
undo = Angre fjerningen av «{ $name }»
undo-help = Kan angres i { $minutes } minutter.
restored = Satt tilbake, med poeng og kommentarer.
remove-area-takes = { $groups ->
    [0] Ingen grupper har gitt poeng til dette området ennå.
    [one] { $groups } gruppe har gitt poeng til dette området, og det har { $comments } kommentarer. Alt følger med om du angrer.
   *[other] { $groups } grupper har gitt poeng til dette området, og det har { $comments } kommentarer. Alt følger med om du angrer.
}
remove-group-takes = { $areas ->
    [0] Gruppen har ikke gitt poeng ennå.
    [one] Gruppen har gitt poeng til { $areas } område og skrevet { $comments } kommentarer. Alt følger med om du angrer.
   *[other] Gruppen har gitt poeng til { $areas } områder og skrevet { $comments } kommentarer. Alt følger med om du angrer.
}
remove-category-takes = Områdene i kategorien blir værende, uten kategori.
remove-for-good = Fjern «{ $name }»
copy = Kopier
copied = Kopiert
open-big-screen = Åpne storskjermen
description-summary = Beskrivelse
fullscreen-hint = F: fullskjerm

## Deleting a workshop

delete-heading = Slett workshopen
delete-help = Alt slettes for godt: områdene, gruppene, poengene, kommentarene, forslagene og endringsloggen. Lenkene og koden slutter å virke, og åpne skjermer og ark lukkes. Det kan ikke angres; last ned det du vil ta vare på først.
delete-confirm = Jeg vil slette denne workshopen og alt i den for godt
delete-button = Slett workshopen
# $date is the day it will be deleted, as `date` writes it
deleted-on = Workshopen slettes automatisk { $date } hvis ingenting endres før det; hver endring flytter datoen.


## Domain errors (error_text). A field error reads `error-invalid`: the field's name
## (`field-…`), where in a pasted setup it sits (` (areas[3].category)`, or nothing), and the
## rule it broke (`rule-…`).

rule-required = må fylles ut
rule-too-long = kan ha høyst { $max } tegn
rule-control-character = kan ikke inneholde usynlige kontrolltegn
rule-out-of-range = må være et heltall fra { $min } til { $max }
rule-malformed-join-code = må være en kode på 6 bokstaver og tall
rule-malformed-axis = må være «potential» eller «feasibility»
rule-malformed-json = har feil form
rule-malformed-whole-number = må være et heltall
rule-malformed-number = må være et tall
rule-malformed-language = må være «nb», «nn» eller «en»
rule-malformed-timeframe = må være «short», «medium» eller «long»
rule-malformed-segment = må ha formen «dimensjon=verdi»
rule-malformed-csv-dialect = må være «standard» eller «excel-no»
rule-malformed-results-view = må være «official» eller «normalised»
rule-malformed-aggregate = må være «mean» eller «median»
rule-malformed-tag = må ha formen «dimensjon: verdi», for eksempel «Rolle: Folkevalgte»
rule-half-step = må være fra { $min } til { $max } i steg på 0,5
rule-locked = kan ikke endres etter at gruppene har gitt poeng
rule-foreign = hører ikke til denne workshopen
rule-duplicate = finnes allerede
rule-incomplete = må ta med hvert element nøyaktig én gang
rule-too-few-groups = har færre enn de { $min } gruppene et segment må ha for å vises
rule-nothing-scored = har ingen poeng ennå: en ny runde kan begynne når gruppene har gitt poeng i denne

field-title = Tittel
field-description = Beskrivelse
field-name = Navn
field-count = Antall grupper
field-code = Koden
field-value = Poengene
field-category-id = Kategorien
field-setup = Oppsettet
field-kvadrant-setup = Formatversjonen
field-scale-min = Laveste poeng
field-scale-max = Høyeste poeng
field-potential-label = Navnet på aksen
field-potential-midline = Midtlinjen
field-language = Språket
field-dissent-percent = Grensen for uenighet
field-top-places = Toppgrensene
field-min-segment-groups = Minste antall grupper i et segment
field-view = Visningen
field-round = Runden
field-aggregate = Sammenstillingen
field-tags = Merkelappen
field-rationale = Begrunnelsen
field-confirm = Bekreftelsen
field-risks = Risikoen
field-timeframe = Tidsperspektivet
field-segment = Utvalget
field-scale = Skalaen
field-suggestions = Antall forslag
field-categories = Antall kategorier
field-areas = Antall områder
field-groups = Antall grupper
field-comments = Kommentarene
field-area-id = Området
field-id = Elementet
field-limit = Antallet
field-dialect = Formatet
field-body = Forespørselen
field-unknown = Verdien

error-invalid = { $field }{ $place } { $rule }.
error-not-found-workshop = Fant ingen workshop med den koden.
error-not-found-category = Kategorien finnes ikke lenger.
error-not-found-area = Området finnes ikke lenger.
error-not-found-group = Gruppen finnes ikke lenger.
error-not-found-suggestion = Forslaget finnes ikke lenger.
error-not-found-removal = Fjerningen kan ikke lenger angres.
error-credentials-required = Dette krever en privat lenke: gruppens eller fasilitatorens.
error-forbidden = Denne lenken gir ikke tilgang til dette.
error-already-joined = Gruppen er alt med. Be noen i gruppen om gruppens lenke, eller spør fasilitatoren.
error-scoring-closed = Poenggivingen er stengt.
error-results-hidden = Resultatene vises når fasilitatoren viser dem fram.
error-conflict = Workshopen ble endret samtidig. Last inn siden og prøv igjen.
error-rate-limited = For mange forsøk fra denne adressen. Prøv igjen om { $retry_after } sekunder.
error-busy = Serveren har mye å gjøre nå. Prøv igjen om { $retry_after } sekunder.
error-internal = Noe gikk galt hos oss. Prøv igjen om litt.

guide-heading = Slik leser du resultatet
guide-rounds = Runder
guide-now = nå
guide-spread-switch = Vis spredningen i matrisen (± 1 sd)
guide-official = Offisiell rangering
guide-normalised = Uten gruppenes eget nivå
guide-normalised-note = Uten gruppenes eget nivå: hver gruppes poeng er regnet fra gruppens eget snitt, så en gruppe som gir alt 9–10 veier som en som bruker hele skalaen. Et hjelpemiddel for å lese den offisielle rangeringen, ikke et resultat i seg selv; plassen der står i parentes. Mulig plass gjelder den offisielle plassen.
guide-entry-score-term = Samlet poeng
guide-entry-score = Hvert område får snittet av gruppenes poeng for potensial (P) og for gjennomførbarhet (G), over gruppene som har gitt begge. Samlet poeng er snitt P × snitt G, og plassen følger det.
guide-entry-spread-term = Spredning
guide-entry-spread = Hver prikk er én gruppes poeng. Streken er snittet, det lyse feltet snittet ± ett standardavvik (sd). I matrisen viser korset det samme på hver akse. Under «Hver gruppe» står hvem som ga hva.
guide-entry-dissent-term = Uenighet
guide-entry-dissent = Et område merkes når standardavviket på en akse er større enn { $threshold_percent } av skalaens spenn (sd / (høyeste − laveste) > { $threshold }), med mindre workshopen har valgt en annen grense: da har gruppene sett svært ulikt på det. I matrisen har det en stiplet ring.
guide-entry-place-term = Mulig plass
guide-entry-place = Gruppene trekkes på nytt { $resamples } ganger, med tilbakelegging, som om andre grupper hadde kommet; rangeringen regnes ut for hver trekning. Mulig plass er plassene området får i { $band_percent } av trekningene. Et smalt spenn er en sikker plass, et bredt en plass som avhenger av hvilke grupper som var med. «Sikkert blant topp { $top }» betyr at hele spennet ligger innenfor, «usikkert om topp { $top }» at det krysser grensen (topp { $top_places } med mindre workshopen har valgt andre). Med færre enn { $min_groups } grupper vises ingen plass. De samme poengene gir alltid det samme spennet.
guide-top-places-and = og
guide-entry-agreement-term = Enighet
guide-entry-agreement = Kendalls W måler hvor like rekkefølger gruppene har gitt områdene, fra 0 (ingen enighet) til 1 (full enighet): svak under 0,3, moderat under 0,6, ellers sterk. Bare grupper som har vurdert alle områdene, teller.
guide-entry-rounds-term = Runder
guide-entry-rounds = Etter å ha diskutert resultatet kan fasilitatoren starte en ny runde, der gruppene gir poeng på nytt og ser sine poeng fra runden før. Hver runde tas vare på slik den var og kan ses under «Runder». Pilene i matrisen går fra der et område sto i runde 1 til der det står nå, og lista viser plassen i runde 1 under plassen nå.
about-accessibility = Tilgjengelighet
about-privacy = Personvern
about-accessibility-intro = Kvadrant skal kunne brukes av alle, med tastatur, skjermleser, forstørrelse og på mobil, og har som mål å oppfylle WCAG 2.1 på nivå A og AA, slik forskrift om universell utforming av IKT krever.
about-accessibility-checked-heading = Slik blir det kontrollert
about-accessibility-checked-1 = Hver side blir kontrollert automatisk før hver ny versjon: med axe-core mot alle regler i WCAG 2.0 og 2.1 på nivå A og AA, på bokmål, nynorsk og engelsk, i full bredde og i mobilbredde, og i tilstandene en workshop går gjennom (poenggivning åpen og stengt, resultatet skjult og vist, et kommentarskjema åpent, en feil vist). HTML-koden blir kontrollert med Nu HTML Checker. Kontrast, fokus og rekkefølge er i tillegg gått gjennom for hånd.
about-accessibility-checked-2 = Prioriteringsmatrisen er et bilde; det samme innholdet står som tekst i rangeringen under den, med kvadranten til hvert område. Kategoriene skilles med både farge og form.
about-accessibility-shortcomings-heading = Kjente mangler
about-accessibility-shortcomings-1 = Storskjermen er laget for en projektor i et møterom; det samme innholdet finnes på resultatsiden.
about-privacy-intro = Kvadrant trenger ingen personopplysninger: ingen konto, ikke navn, ikke e-postadresse. Det som blir lagret, er det en workshop består av.
about-privacy-kept-heading = Hva som blir lagret
about-privacy-kept-1 = Workshopens tittel og beskrivelse, områdene, kategoriene, gruppenes navn og merker, poengene gruppene gir, kommentarene og forslagene deres, og en logg over hvem (en gruppe eller tilretteleggeren) som endret hva og når.
about-privacy-kept-2 = Kommentarer og forslag er fritekst og kan inneholde personopplysninger hvis noen skriver dem inn. Skriv ikke om enkeltpersoner.
about-privacy-kept-3 = Lenkene som gir tilgang (tilretteleggerens, ledernes og gruppenes) er hemmelige; den som har en lenke, har tilgangen den gir.
about-privacy-not-kept-heading = Hva som ikke blir lagret
about-privacy-not-kept-1 = Ingen sporing, ingen analyseverktøy og ikke noe innhold fra andre nettsteder. IP-adresser holdes bare i minnet en kort stund for å stanse misbruk, og skrives i tjenestens logg bare når en adresse blir avvist for for mange forsøk.
about-privacy-where-heading = Hvor og hvor lenge
about-privacy-where-1 = Alt lagres i databasen til virksomheten som driver denne tjenesten, på dens egne servere. Fasilitatoren kan når som helst slette en workshop med alt i den (under Etterarbeid).
about-retention = Denne tjenesten sletter en workshop med alt i den { $days } dager etter siste endring.
about-no-retention = Denne tjenesten beholder workshoper til de blir slettet.
about-privacy-responsible-heading = Hvem som har ansvaret
about-privacy-responsible-1 = Virksomheten som driver denne tjenesten, er behandlingsansvarlig. Du kan be den om innsyn, retting og sletting.
about-cookies-heading = Informasjonskapsler og lagring i nettleseren
about-cookie-language = språket du har valgt, i ett år
about-cookie-group-key = gruppens nøkkel, så arket kan følge endringer; til nettleseren lukkes
about-cookie-facilitator = tilretteleggerens nøkkel, for siden som følger workshopen; til nettleseren lukkes
about-cookie-leaders = ledernes nøkkel, for resultatet de følger; til nettleseren lukkes
about-local-storage = Tilretteleggerlenkene denne nettleseren har åpnet, lagres bare i nettleseren, så forsiden kan vise dem. De sendes ikke til tjenesten.
about-undo = Når et område eller en gruppe blir fjernet, slettes poengene og kommentarene til det for godt etter { $minutes } minutter; til da kan det angres.
about-contact-heading = Kontakt
about-contact-given = Tilbakemeldinger om tilgjengelighet og spørsmål om personvern sendes til:
about-contact-missing = Tilbakemeldinger om tilgjengelighet og spørsmål om personvern sendes til virksomheten som inviterte deg til workshopen. Du kan også klage til Tilsynet for universell utforming av IKT (uutilsynet.no).
