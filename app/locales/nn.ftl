# Kvadrant: nynorsk. The same messages as nb.ftl (see docs/TRANSLATING.md).

app-name = Kvadrant
tagline = Prioriter samarbeidsområde etter potensial og gjennomførbarheit – saman, i sanntid.
decimal-separator = ,

## Home

join-heading = Bli med i ein workshop
join-code-label = Kode
join-button = Bli med
join-invalid = Koden har 6 teikn, bokstavar og tal. Sjekk koden og prøv igjen.
create-heading = Lag ein ny workshop
create-intro = Du får ei privat lenke som berre du kan bruke til å endre workshopen. Ta vare på ho.
title-label = Tittel
description-label = Skildring (valfritt)
create-button = Lag workshop
demo-heading = Prøv eit døme
demo-intro = Dømet byggjer på workshopen i Indre Namdal i 2022: 13 samarbeidsområde og 9 grupper. Poenga er illustrerande.
demo-join = Gje poeng som ei gruppe
demo-results = Sjå resultatet
demo-badge = Illustrerande eksempeldata

## Join

pick-group = Vel gruppa di
skip-to-content = Gå til innhaldet
no-groups-yet = Tilretteleggjaren har ikkje laga grupper enno.
see-results = Sjå resultatet

## Group links

group-joined = med
group-taken-hint = Er gruppa di alt med? Be nokon i gruppa om lenka til gruppa, eller spør tilretteleggjaren.
invite-heading = Få med resten av gruppa
invite-intro = Alle i gruppa kan opne dette arket med denne lenka. Del ho berre med gruppa di.
group-links-heading = Gruppelenker
group-links-help = Kvar gruppe har si eiga lenke til arket sitt. Ei ny lenke stengjer den gamle; «Frigje» lèt gruppa veljast på nytt frå påmeldingssida.
group-not-joined = ikkje med enno
renew-group-link = Ny lenke
release-group = Frigje
fill-in-for-group = Fyll ut for gruppa
print-group-cards = Skriv ut gruppekort
renew-facilitator-link = Ny tilretteleggjarlenke
renew-facilitator-help = Har denne lenka kome på avvegar? Ei ny lenke stengjer den gamle med ein gong, og leiarlenka vert òg fornya.
renew-code = Ny kode
renew-code-help = Ein ny kode stengjer den gamle og alle lenker med han med ein gong. Opne skjermar og ark flyttar over til den nye.
group-cards-heading = Gruppekort
group-card-scan = Skann koden eller opne lenka for å score:

## Sheet

sheet-intro = Gje kvart område poeng frå låg til høg for potensial og gjennomførbarheit. Alt vert lagra med ein gong, og alle i gruppa deler det same arket.
sheet-intro-plain = Gje kvart område poeng frå låg til høg for potensial og gjennomførbarheit, og trykk «Lagre» ved området. Alle i gruppa deler det same arket.
scoring-closed-notice = Poenggjevinga er stengd. Arket kan lesast, men ikkje endrast.
no-category = Utan kategori
not-set = –
saving = Lagrar …
saved = Lagra
save-failed = Ikkje lagra.
retry = Prøv igjen
scored-count = { $done } av { $total } område har fått begge poeng
round-of = Runde { $n }
previous-scores = Førre runde
back-to-groups = Byt gruppe

## Axes and matrix

potential = Potensial
feasibility = Gjennomførbarheit
potential-short = P
feasibility-short = G
potential-low = Lågt
potential-high = Høgt potensial
feasibility-low = Vanskeleg
feasibility-high = Lett å gjennomføre
quadrant-high-potential-easy = Lett å gjennomføre og høgt potensial
quadrant-high-potential-hard = Vanskeleg å gjennomføre, men høgt potensial
quadrant-low-potential-easy = Lett å gjennomføre, men lågt potensial
quadrant-low-potential-hard = Vanskeleg å gjennomføre og lågt potensial
matrix-title = Prioriteringsmatrise
matrix-moved-note = Tala er plassering i rangeringa; rangeringa nemner kvadranten til kvart område. Der punkt ligg tett, er merket flytta litt, med ein strek til det eigentlege punktet.
moves-note = Pilene går frå der områda stod i runde { $round }, til der dei står no.
rank-in-round = runde { $round }: { $rank }.

## Results

results-heading = Resultat
ranked-heading = Rangering
rank = Plass
area = Område
category = Kategori
combined = Samla (P × G)
groups-scored = Grupper
spread = Spreiing
spread-help = éin prikk per gruppe, strek = snitt, felt = ± sd
rank-band = Mogleg plass
rank-band-help = 90 % av trekningane
too-few-groups = for få grupper
# $axis is the axis's one-letter name; $n the number of groups; $values the scores, listed
strip-summary = { $axis }: { $n } grupper, snitt { $mean }, median { $median }, sd { $sd }. Poenga: { $values }.
by-group = Kvar gruppe
too-few-to-show = for få grupper til å visast
top-share = Sjanse for topp { $k }
place-clearly-ahead = sikkert blant topp { $k }
place-uncertain = usikkert om topp { $k }
place-clearly-behind = utanfor topp { $k }
dissent-potential = Gruppene er usamde om potensialet.
dissent-feasibility = Gruppene er usamde om gjennomførbarheita.
dissent-both = Gruppene er usamde om både potensial og gjennomførbarheit.
dissent-heading = Usemje
agreement-weak = svak
agreement-moderate = moderat
agreement-strong = sterk
# $w is Kendall's W, formatted; $reading is the word for its strength (agreement-weak, -moderate or -strong)
agreement = Semje om rekkjefølgja (Kendalls W, { $groups } grupper): { $w }, { $reading }.
unscored-heading = Ikkje vurdert enno
unscored-help = Inga gruppe har gjeve desse områda begge poeng. Dei vert ikkje rangerte.
nothing-scored = Ingen område har fått poeng enno.
groups-of = { $n ->
    [one] { $n } gruppe
   *[other] { $n } grupper
}
download-csv = Last ned CSV
download-json = JSON
method-note = Snittet er teke over gruppene som har gjeve begge poeng; spreiinga er standardavviket (sd) mellom dei. Samla poeng er snitt potensial × snitt gjennomførbarheit. Like poeng deler plass; då står høgast potensial først. Eit snitt på midtlinja (5,5) vert rekna til den høge sida.

## Facilitator

manage-heading = Tilretteleggjar
manage-private = Dette er den private lenka di. Den som har ho, kan endre workshopen.
join-code = Kode
join-link = Lenke for deltakarar
scoring-is-open = Poenggjevinga er open.
scoring-is-closed = Poenggjevinga er stengd.
open-scoring = Opne poenggjevinga
close-scoring = Steng poenggjevinga
start-round = Start runde { $n }
start-round-help = Poenga frå denne runden vert tekne vare på. Arka vert tømde, og gruppene ser dei førre poenga sine. Kan ikkje angrast.
details-heading = Om workshopen
save = Lagre
remove = Fjern
move-up = Flytt opp
move-down = Flytt ned
categories-heading = Kategoriar
add-category = Legg til kategori
areas-heading = Samarbeidsområde
add-area = Legg til område
name-label = Namn
groups-heading = Grupper
groups-count-label = Tal på nye grupper
groups-names-label = … eller namn, eitt per linje
add-groups = Legg til grupper
empty-list = Ingen enno.

## Live

live-heading = Undervegs
connecting = Koplar til …
results-hidden-notice = Resultata er skjulte til tilretteleggjaren viser dei fram.
results-are-hidden = Resultata er skjulte for deltakarane og storskjermen.
results-are-visible = Deltakarane og storskjermen ser resultata.
hide-results = Skjul resultata
reveal-results = Vis resultata
progress-heading = Framdrifta til gruppene
group = Gruppe
areas-done = Område ferdige
last-activity = Sist endra
groups-done = { $done } av { $total } grupper er ferdige
big-screen = Storskjerm
scan-to-join = Skann koden eller gå til
top-ranked = Topp { $n }
list-changed = Tilretteleggjaren har endra lista over område.
new-round-notice = Ein ny runde har starta: gje poeng på nytt.
reload = Last inn på nytt

## Toolkit

mean = snitt
minimum = min
maximum = maks
quadrant-heading = Kvadrant
segment = Utval
all-groups = Alle grupper
n-groups = n = { $n }
segment-filter = Vis resultatet for
compare-with = Samanlikn med
no-comparison = Inga samanlikning
show = Vis
sheet-ranking = Rangering
sheet-scores = Poeng per gruppe
sheet-scores-help = Poenga til kvar gruppe, med merkelappane til gruppa (utval).
sheet-comments = Kommentarar
sheet-raised = Reist, ikkje scora
sheet-changes = Endringslogg
changes-help = Kvar endring i workshopen: når (UTC), kven og kva.
area-history = Historikk
no-changes = Ingen endringar enno.
change-time = Tid (UTC)
change-who = Kven
change-what = Kva
change-about = Område eller gjeld
change-field = Felt
change-from = Frå
change-to = Til
facilitator-actor = Tilretteleggjar
facilitator-for = Tilretteleggjar for { $group }
change-action-score-set = Poeng sett
change-action-score-cleared = Poeng fjerna
change-action-comment-saved = Kommentar lagra
change-action-comment-removed = Kommentar fjerna
change-action-suggestion-made = Område føreslått
change-action-suggestion-accepted = Forslag lagt på lista
change-action-suggestion-kept = Forslag reist, ikkje scora
change-action-area-added = Område lagt til
change-action-area-changed = Område endra
change-action-area-removed = Område fjerna
change-action-category-added = Kategori lagd til
change-action-category-changed = Kategori endra
change-action-category-removed = Kategori fjerna
change-action-group-added = Gruppe lagd til
change-action-group-changed = Gruppe endra
change-action-group-removed = Gruppe fjerna
change-action-group-joined = Gruppe teken
change-action-group-link-renewed = Ny gruppelenke
change-action-group-released = Gruppe frigjeven
change-action-order-changed = Rekkjefølgje endra
change-action-title-changed = Tittel endra
change-action-description-changed = Skildring endra
change-action-settings-changed = Innstilling endra
change-action-scoring-opened = Scoring opna
change-action-scoring-closed = Scoring stengd
change-action-round-started = Ny runde starta
change-action-results-hidden = Resultata skjulte
change-action-results-revealed = Resultata viste
change-action-review-link-renewed = Ny leiarlenke
changed-field-name = Namn
changed-field-description = Skildring
changed-field-category = Kategori
changed-field-tags = Merkelappar
changed-field-title = Tittel
changed-field-scale = Skala
changed-field-potential-label = Namn på potensial
changed-field-feasibility-label = Namn på gjennomførbarheit
changed-field-potential-midline = Midtlinje for potensial
changed-field-feasibility-midline = Midtlinje for gjennomførbarheit
changed-field-language = Språk
changed-field-categories = Kategoriar
changed-field-areas = Område
changed-field-groups = Grupper
rationale = Grunngjeving
risks = Risiko og hindringar
timeframe-label = Tidsperspektiv
timeframe-short = Innan eitt år
timeframe-medium = 1–3 år
timeframe-long = Meir enn 3 år
no-timeframe = Ikkje valt
comments-heading = Kommentarar frå gruppene
comment-summary = Grunngjeving, risiko og tidsperspektiv
save-comment = Lagre kommentar
comment-saved = Kommentaren er lagra.
suggest-heading = Manglar eit område?
suggest-intro = Føreslå det her. Tilretteleggjaren avgjer om det vert teke med i lista.
suggest-button = Send forslag
suggested-notice = Takk! Forslaget er sendt til tilretteleggjaren.
suggestions-heading = Forslag frå deltakarane
no-suggestions = Ingen forslag enno.
accept-suggestion = Ta med i lista
keep-suggestion = Reist, ikkje scora
suggestion-status-pending = Ventar
suggestion-status-accepted = Teke med i lista
suggestion-status-kept = Reist, ikkje scora
raised-heading = Reist, men ikkje scora
raised-help = Område deltakarane føreslo som ikkje kom med i poenggjevinga.
settings-heading = Innstillingar
scale-min-label = Lågaste poeng
scale-max-label = Høgaste poeng
scale-help = Frå 1–5 til 0–10. Skalaen kan ikkje endrast etter at gruppene har gjeve poeng.
potential-name-label = Namn på den loddrette aksen
feasibility-name-label = Namn på den vassrette aksen
axis-name-help = Tomt gjev «Potensial» og «Gjennomførbarheit».
potential-midline-label = Midtlinje, loddrett akse
feasibility-midline-label = Midtlinje, vassrett akse
midline-help = Tomt gjev midten av skalaen. Heile eller halve tal.
language-label = Språk i workshopen
aggregate-label = Poenga til gruppene vert slått saman med
aggregate-name-mean = snitt
aggregate-name-median = median (éi gruppe langt frå dei andre flyttar han ikkje)
combined-by-mean = Samla poeng = snitt potensial × snitt gjennomførbarheit
combined-by-median = Samla poeng = median potensial × median gjennomførbarheit
certainty-help = Kor sikker rangeringa er
dissent-percent-label = Usemje ved sd over (% av skalaen)
top-places-label = Sjanse for topp (t.d. 3, 5)
min-segment-label = Minste tal på grupper i eit segment som vert vist
tags-label = Merkelappar
tags-help = Éin per linje, til dømes «Rolle: Folkevalde» eller «Kommune: Lierne».
review-heading = Lenke for leiarar
review-help = Viser resultat, kommentarar og eksport, men kan ikkje endre noko.
renew-review = Lag ny lenke (den gamle sluttar å verke)
review-badge = Lesetilgang for leiarar
exports-heading = Last ned
download-xlsx = Excel-arbeidsbok (alt)
download-csv-excel = CSV for norsk Excel
download-svg = Matrisa som SVG
download-png = Matrisa som PNG
download-setup = Oppsett (JSON)
print = Skriv ut
# $day and $month arrive zero-padded (05, 03)
date = { $day }.{ $month }.{ $year }
report-date = Utskrift { $date }
my-workshops = Mine workshopar
my-workshops-help = Workshopane du har opna som tilretteleggjar i denne nettlesaren.
no-my-workshops = Ingen enno. Når du lagar eller opnar ein workshop som tilretteleggjar, dukkar han opp her.
forget = Gløym
import-heading = Start frå eit oppsett
import-help = Lim inn eit oppsett (JSON) som er lasta ned frå ein annan workshop.
import-button = Lag workshop frå oppsettet
import-file-label = Vel ei oppsettfil
import-text-label = … eller lim inn oppsettet
duplicate-heading = Bruk som mal
duplicate-help = Lagar ein ny workshop med same innstillingar, kategoriar og område, utan grupper og poeng.
duplicate-button = Lag kopi
open = Opne

## Errors

not-found = Fann ikkje sida.
loading = Lastar …
unreachable = Fekk ikkje kontakt med serveren. Sjekk nettet og prøv igjen.

## The facilitator's parts, checklist, safe removal

parts-label = Delane av workshopen
part-prepare = Førebu
part-run = Gjennomfør
part-review = Etterarbeid
checklist-heading = Før gruppene startar
check-areas = { $n ->
    [one] { $n } område er lagt til.
   *[other] { $n } område er lagde til.
}
check-areas-missing = Legg til områda gruppene skal vurdere.
check-groups = { $n ->
    [one] { $n } gruppe er klar.
   *[other] { $n } grupper er klare.
}
check-groups-missing = Legg til gruppene.
check-open = Poenggjevinga er open.
check-open-missing = Opne poenggjevinga når gruppene er klare (under Gjennomfør).
bulk-areas-label = Lim inn fleire område, eitt per linje (eventuelt «Kategori: Område»)
add-areas = Legg til områda
added = «{ $name }» er lagt til.
areas-added = { $n ->
    [one] { $n } område er lagt til.
   *[other] { $n } område er lagde til.
}
# $scored is the number of groups that had scored the area
removed-areas = «{ $name }» er fjerna, med poenga frå { $scored } grupper og { $comments } kommentarar.
# $scored is the number of areas the group had scored
removed-groups = «{ $name }» er fjerna, med poenga gruppa gav { $scored } område og { $comments } kommentarar.
removed-categories = «{ $name }» er fjerna; { $areas } område står no utan kategori.
undo = Angre fjerninga av «{ $name }»
undo-help = Kan angrast i { $minutes } minutt.
restored = Sett tilbake, med poeng og kommentarar.
remove-area-takes = { $groups ->
    [0] Ingen grupper har gjeve poeng til dette området enno.
    [one] { $groups } gruppe har gjeve poeng til dette området, og det har { $comments } kommentarar. Alt følgjer med om du angrar.
   *[other] { $groups } grupper har gjeve poeng til dette området, og det har { $comments } kommentarar. Alt følgjer med om du angrar.
}
remove-group-takes = { $areas ->
    [0] Gruppa har ikkje gjeve poeng enno.
   *[other] Gruppa har gjeve poeng til { $areas } område og skrive { $comments } kommentarar. Alt følgjer med om du angrar.
}
remove-category-takes = Områda i kategorien vert verande, utan kategori.
remove-for-good = Fjern «{ $name }»
copy = Kopier
copied = Kopiert
open-big-screen = Opne storskjermen
description-summary = Skildring
fullscreen-hint = F: fullskjerm

## Deleting a workshop

delete-heading = Slett workshopen
delete-help = Alt vert sletta for godt: områda, gruppene, poenga, kommentarane, forslaga og endringsloggen. Lenkjene og koden sluttar å verke, og opne skjermar og ark vert lukka. Det kan ikkje angrast; last ned det du vil ta vare på først.
delete-confirm = Eg vil slette denne workshopen og alt i han for godt
delete-button = Slett workshopen
# $date is the day it will be deleted, as `date` writes it
deleted-on = Workshopen vert sletta automatisk { $date } dersom ingenting vert endra før det; kvar endring flyttar datoen.


## Domain errors (error_text). A field error reads `error-invalid`: the field's name
## (`field-…`), where in a pasted setup it sits (` (areas[3].category)`, or nothing), and the
## rule it broke (`rule-…`).

rule-required = må fyllast ut
rule-too-long = kan ha høgst { $max } teikn
rule-control-character = kan ikkje innehalde usynlege kontrollteikn
rule-out-of-range = må vere eit heiltal frå { $min } til { $max }
rule-malformed-join-code = må vere ein kode på 6 bokstavar og tal
rule-malformed-axis = må vere «potential» eller «feasibility»
rule-malformed-json = har feil form
rule-malformed-whole-number = må vere eit heiltal
rule-malformed-number = må vere eit tal
rule-malformed-language = må vere «nb», «nn» eller «en»
rule-malformed-timeframe = må vere «short», «medium» eller «long»
rule-malformed-segment = må ha forma «dimensjon=verdi»
rule-malformed-csv-dialect = må vere «standard» eller «excel-no»
rule-malformed-results-view = må vere «official» eller «normalised»
rule-malformed-aggregate = må vere «mean» eller «median»
rule-malformed-tag = må ha forma «dimensjon: verdi», til dømes «Rolle: Folkevalde»
rule-half-step = må vere frå { $min } til { $max } i steg på 0,5
rule-locked = kan ikkje endrast etter at gruppene har gjeve poeng
rule-foreign = høyrer ikkje til denne workshopen
rule-duplicate = finst allereie
rule-incomplete = må ta med kvart element nøyaktig éin gong
rule-too-few-groups = har færre enn dei { $min } gruppene eit segment må ha for å visast
rule-nothing-scored = har ingen poeng enno: ein ny runde kan byrje når gruppene har gjeve poeng i denne

field-title = Tittel
field-description = Skildring
field-name = Namn
field-count = Talet på grupper
field-code = Koden
field-value = Poenga
field-category-id = Kategorien
field-setup = Oppsettet
field-kvadrant-setup = Formatversjonen
field-scale-min = Lågaste poeng
field-scale-max = Høgaste poeng
field-potential-label = Namnet på aksen
field-potential-midline = Midtlinja
field-language = Språket
field-dissent-percent = Grensa for usemje
field-top-places = Toppgrensene
field-min-segment-groups = Minste tal på grupper i eit segment
field-view = Visinga
field-round = Runden
field-aggregate = Samanstillinga
field-tags = Merkelappen
field-rationale = Grunngjevinga
field-confirm = Stadfestinga
field-risks = Risikoen
field-timeframe = Tidsperspektivet
field-segment = Utvalet
field-scale = Skalaen
field-suggestions = Talet på forslag
field-categories = Talet på kategoriar
field-areas = Talet på område
field-groups = Talet på grupper
field-comments = Kommentarane
field-area-id = Området
field-id = Elementet
field-limit = Talet
field-dialect = Formatet
field-body = Førespurnaden
field-unknown = Verdien

error-invalid = { $field }{ $place } { $rule }.
error-not-found-workshop = Fann ingen workshop med den koden.
error-not-found-category = Kategorien finst ikkje lenger.
error-not-found-area = Området finst ikkje lenger.
error-not-found-group = Gruppa finst ikkje lenger.
error-not-found-suggestion = Forslaget finst ikkje lenger.
error-not-found-removal = Fjerninga kan ikkje lenger angrast.
error-credentials-required = Dette krev ei privat lenke: lenka til gruppa eller til tilretteleggjaren.
error-forbidden = Denne lenka gjev ikkje tilgang til dette.
error-already-joined = Gruppa er alt med. Be nokon i gruppa om lenka til gruppa, eller spør tilretteleggjaren.
error-scoring-closed = Poenggjevinga er stengd.
error-results-hidden = Resultata vert viste når tilretteleggjaren viser dei fram.
error-conflict = Workshopen vart endra samtidig. Last inn sida og prøv igjen.
error-rate-limited = For mange forsøk frå denne adressa. Prøv igjen om { $retry_after } sekund.
error-busy = Serveren har mykje å gjere no. Prøv igjen om { $retry_after } sekund.
error-internal = Noko gjekk gale hos oss. Prøv igjen om litt.

guide-heading = Slik les du resultatet
guide-rounds = Rundar
guide-now = no
guide-spread-switch = Vis spreiinga i matrisa (± 1 sd)
guide-official = Offisiell rangering
guide-normalised = Utan gruppene sitt eige nivå
guide-normalised-note = Utan gruppene sitt eige nivå: poenga til kvar gruppe er rekna frå snittet til gruppa, så ei gruppe som gjev alt 9–10, veg like mykje som ei som brukar heile skalaen. Eit hjelpemiddel for å lese den offisielle rangeringa, ikkje eit resultat i seg sjølv; plassen der står i parentes. Mogleg plass gjeld den offisielle plassen.
guide-entry-score-term = Samla poeng
guide-entry-score = Kvart område får snittet av poenga til gruppene for potensial (P) og for gjennomførbarheit (G), over gruppene som har gjeve begge. Samla poeng er snitt P × snitt G, og plassen følgjer det.
guide-entry-spread-term = Spreiing
guide-entry-spread = Kvar prikk er poenga til éi gruppe. Streken er snittet, det lyse feltet snittet ± eitt standardavvik (sd). I matrisa viser krossen det same på kvar akse. Under «Kvar gruppe» står kven som gav kva.
guide-entry-dissent-term = Usemje
guide-entry-dissent = Eit område vert merkt når standardavviket på ein akse er større enn { $threshold_percent } av spennet på skalaen (sd / (høgaste − lågaste) > { $threshold }), med mindre workshopen har valt ei anna grense: då har gruppene sett svært ulikt på det. I matrisa har det ein stipla ring.
guide-entry-place-term = Mogleg plass
guide-entry-place = Gruppene vert trekte på nytt { $resamples } gonger, med tilbakelegging, som om andre grupper hadde kome; rangeringa vert rekna ut for kvar trekning. Mogleg plass er plassane området får i { $band_percent } av trekningane. Eit smalt spenn er ein sikker plass, eit breitt ein plass som kjem an på kva for grupper som var med. «Sikkert blant topp { $top }» tyder at heile spennet ligg innanfor, «usikkert om topp { $top }» at det kryssar grensa (topp { $top_places } med mindre workshopen har valt andre). Med færre enn { $min_groups } grupper vert ingen plass vist. Dei same poenga gjev alltid det same spennet.
guide-top-places-and = og
guide-entry-agreement-term = Semje
guide-entry-agreement = Kendalls W måler kor like rekkjefølgjer gruppene har gjeve områda, frå 0 (inga semje) til 1 (full semje): svak under 0,3, moderat under 0,6, elles sterk. Berre grupper som har vurdert alle områda, tel.
guide-entry-rounds-term = Rundar
guide-entry-rounds = Etter å ha diskutert resultatet kan tilretteleggjaren starte ein ny runde, der gruppene gjev poeng på nytt og ser poenga sine frå runden før. Kvar runde vert teken vare på slik han var, og kan sjåast under «Rundar». Pilene i matrisa går frå der eit område stod i runde 1 til der det står no, og lista viser plassen i runde 1 under plassen no.
about-accessibility = Tilgjengelegheit
about-privacy = Personvern
about-accessibility-intro = Kvadrant skal kunne brukast av alle, med tastatur, skjermlesar, forstørring og på mobil, og har som mål å oppfylle WCAG 2.1 på nivå A og AA, slik forskrift om universell utforming av IKT krev.
about-accessibility-checked-heading = Slik vert det kontrollert
about-accessibility-checked-1 = Kvar side vert kontrollert automatisk før kvar ny versjon: med axe-core mot alle reglar i WCAG 2.0 og 2.1 på nivå A og AA, på bokmål, nynorsk og engelsk, i full breidd og i mobilbreidd, og i tilstandane ein workshop går gjennom (poenggjeving open og stengd, resultatet skjult og vist, eit kommentarskjema ope, ein feil vist). HTML-koden vert kontrollert med Nu HTML Checker. Kontrast, fokus og rekkjefølgje er i tillegg gjennomgått for hand.
about-accessibility-checked-2 = Prioriteringsmatrisa er eit bilete; det same innhaldet står som tekst i rangeringa under matrisa, med kvadranten til kvart område. Kategoriane skil seg frå kvarandre på både farge og form.
about-accessibility-shortcomings-heading = Kjende manglar
about-accessibility-shortcomings-1 = Storskjermen er laga for ein projektor i eit møterom; det same innhaldet finst på resultatsida.
about-privacy-intro = Kvadrant treng ingen personopplysningar: ingen konto, ikkje namn, ikkje e-postadresse. Det som vert lagra, er det ein workshop består av.
about-privacy-kept-heading = Kva som vert lagra
about-privacy-kept-1 = Tittelen og skildringa til workshopen, områda, kategoriane, namna og merkelappane til gruppene, poenga gruppene gjev, kommentarane og forslaga deira, og ein logg over kven (ei gruppe eller tilretteleggjaren) som endra kva og når.
about-privacy-kept-2 = Kommentarar og forslag er fritekst og kan innehalde personopplysningar viss nokon skriv dei inn. Skriv ikkje om enkeltpersonar.
about-privacy-kept-3 = Tilgangslenkene (til tilretteleggjaren, leiarane og gruppene) er hemmelege; den som har ei lenke, har tilgangen ho gjev.
about-privacy-not-kept-heading = Kva som ikkje vert lagra
about-privacy-not-kept-1 = Inga sporing, ingen analyseverktøy og ikkje noko innhald frå andre nettstader. IP-adresser vert berre haldne i minnet ei kort stund for å stanse misbruk, og vert skrivne i loggen til tenesta berre når ei adresse vert avvist for for mange forsøk.
about-privacy-where-heading = Kvar og kor lenge
about-privacy-where-1 = Alt vert lagra i databasen til verksemda som driv denne tenesta, på hennar eigne serverar. Tilretteleggjaren kan når som helst slette ein workshop med alt i han (under Etterarbeid).
about-retention = Denne tenesta slettar ein workshop med alt i han { $days } dagar etter siste endring.
about-no-retention = Denne tenesta held på workshopar til dei vert sletta.
about-privacy-responsible-heading = Kven som har ansvaret
about-privacy-responsible-1 = Verksemda som driv denne tenesta, er behandlingsansvarleg. Du kan be verksemda om innsyn, retting og sletting.
about-cookies-heading = Informasjonskapslar og lagring i nettlesaren
about-cookie-language = språket du har valt, i eitt år
about-cookie-group-key = nøkkelen til gruppa, så arket kan følgje endringar; til nettlesaren vert lukka
about-cookie-facilitator = nøkkelen til tilretteleggjaren, for sida som følgjer workshopen; til nettlesaren vert lukka
about-cookie-leaders = nøkkelen til leiarane, for resultatet dei følgjer; til nettlesaren vert lukka
about-local-storage = Tilretteleggjarlenkene denne nettlesaren har opna, vert berre lagra i nettlesaren, så framsida kan vise dei. Dei vert ikkje sende til tenesta.
about-undo = Når eit område eller ei gruppe vert fjerna, vert poenga og kommentarane til det sletta for godt etter { $minutes } minutt; til då kan det angrast.
about-contact-heading = Kontakt
about-contact-given = Tilbakemeldingar om tilgjengelegheit og spørsmål om personvern sender du til:
about-contact-missing = Tilbakemeldingar om tilgjengelegheit og spørsmål om personvern sender du til verksemda som inviterte deg til workshopen. Du kan òg klage til Tilsynet for universell utforming av IKT (uutilsynet.no).
