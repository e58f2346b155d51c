"""Generate a large site and time searches on it: the engine behind `manage.py search_benchmark`.

Pages are created in bulk: the page-tree rows are inserted directly with their
tree paths computed here (one bulk insert for the base `Page` rows, one insert per
page for its own table), with no revisions, and Wagtail's index and the site
search's documents are written once at the end. Building 11,000 pages one `add_child` at a
time would take many minutes and re-rank the whole index after every page.
"""

import os
import random
import re
import statistics
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, reset_queries, transaction
from django.db.models import F
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from search.query import STOP_WORDS

# The most frequent words of the site's own writing, most frequent first, so generated
# text has the shape of real essays (a few very common words, a long tail of rare ones).
WORDS = """
the and policy that for this government social open not consultation but are can about with
from have more public media what service how new they who our has civil making also
development will been people way those department secretary services its all research
frontline work sir their was think expertise project would one these need your see citizens
use approach make should which there why much just part office change reform policymaking
many october community you political permanent could when she policies than rather improve
own does democratic posted out only post never twitter experience consultations better his
future into needs health chief police then let such aren want implementation michael gove
education clear least published day care being don blog something her any means process very
ways cabinet view might develop developing course increasingly using teachers doesn world
like best example week here argues report important issues them some processes politics
different practitioners result problem extent most forms first second servants evidence
developed other secret become institutions help local time told voluntary ideas now system
series challenge through engagement both however between point changing get users analysis
where guidance isn guerilla organisations campaigns including arnstein citizen delivery
ministry defence previous seems against announced default case role early ensure great posts
say ability had lack support take seem works opportunity power responsible often back
national leaders whole know few workers network taking mark democracy true control over
executive craig home still publicly even account ever range weeks engage improved exercise
largely stage taken especially today too recognise objectives participation quickly agree
two tanks kerslake digital before business technology welcome represented inevitable
opposite rigorous selection same quality despite apparent working towards based experts
reforms well paper whitehall monopoly establish model society made reality agenda years
money effective starting bloggers real cuts understand minister senior responsibility
listening look wrong voices create communications following collective widespread done
together child protection worker instead little saturday david call less thing scottish may
medical grumble really thought classes hospital happen wants via points mixed cannot
challenges last comms directly easy possible past next guerillapolicy engaging alone
radically practical used makes sense commonly proposed itself current views responses
obvious themselves always radical ladder represent top participants opening whether protest
earlier year pensions reflect insight involved couple suggest head advice communication
stakeholders tweet intelligence data doing comments list jon peter security communities sent
climate professor dame john treasury provide publishing determination risk self organising
tank implement success trainee move status profession standards pity live said around
private england teacher review available white june commitment currently promoted foundation
commissioners programmes either initiatives capture insights blogs read send suggestions
missed norman lamb ermintrude terms access provisions because come happening meet managers
practice francis whose life understood backwards must mid staffordshire vital forward learn
longer robinson patient already patients brings light professionals anti austerity march
tell further lizzie action comes london affect areas healthcare micmac soon balance
confident good demands higher director resources existing probably stems giving lives
describes states formal going concerns nathan response regs stand meeting pushing rules
frank chalk miss possibly deal down feels school failing achieving require another basics
carolyne mitchell getting thinking communicate council officer behaviours particularly
included round touch org broken general association widely required mechanism particular
intended mandate suggested openness approaches enable conduct groups credible pragmatic
leave intends hardly haven resolve experiment find endless each anything turns moving
website unrealistic expectations inaccurate consideration hope form formulation sometimes
trying appear engaged blame unless consulting sure given establishment mobilise share
official crisis legitimacy suggests site ago decision possibility reflects broader decline
number interested trust politicians idea narrow set long got facing confidence conventional
examples took off degrees environment handled listened hard institute per cent outcomes led
supported internet act calling offers positive shape meaningful potentially missing dem soc
space various bodies moment bob recently sirbobkerslake staff paragraph certainly
conversation ten tips remember individual offline channel likely potential five organisation
accounts bold table below while wouldn expect culture sport inviting efficiency conducted
technologies commissioning solutions draw test implemented effectively tools platforms
thoughts leadership date cuncliffe ricketts transport lin homer ursula brennan tom northern
ireland parliamentary counsel gillian morgan limited international affairs innovation
jonathan tweets scientific adviser hartnett stop myth kind enabled perfectly reasons away
class mean order parties anyone disengagement shared vote neglect chance writing pamphlet
reason gets learning unveiled tests claims raise classroom asking announcing key raising
standing teaching inconsistency announcements july declared counterparts free schools
academies employ qualified group headteachers ignore colleagues committed contained
examining considering perform advisory similar plays intervention central waste unlikely
wonder ending love westminster commentators follow respite narrowing helpful closing beds
hospitals needed denied left pleasantries spend impatient unbelieving platitudes emerge
dementia speculates liberal democrat positions ministers putting shoes lived forwards
necessary went affected adequately heard lessons poor unsafe ignored guest laura advisor
raises fundamental safety independent inquiry wisdom consensus safe responsive
recommendations urges drive improvements across lead lambs hands entertainment matter
concern sexual abuse children doubt destructive outcome utterly therefore excuses allowing
continue savile scandal reminds statutory agencies duty join cameron couldn truth furber
member seeing impact place caseloads soaring return spending moral crystallised impending
independence referendum decisions country expenditures give healthiest happiest population
fairly diverting nuclear missiles competing universal high speed broadband pupil ratios mac
gregor associate consultant nephrologist ayrshire arran fellow clinicians put days
campaigning behind devote energies addressing productivity maximise gains within oldest
stock phrase trotted
""".split()  # noqa: SIM905 - a word list reads better as text

# Names of people the site writes about, so that name searches have something to find.
NAMES = [
    "Kerslake",
    "Heywood",
    "Gove",
    "Maude",
    "Wormald",
    "Donnelly",
    "Matheson",
    "Watmore",
    "Lowcock",
    "Starmer",
    "Beddington",
    "Seddon",
    "Homer",
    "Hartnett",
    "Stephens",
    "Lobban",
]
PEN_NAMES = [
    "Ermintrude",
    "Grumble",
    "Whose Shoes",
    "Frank Chalk",
    "Nathan",
    "Mental Nurse",
    "Secret Teacher",
    "Inspector Gadget",
    "Julia Unwin",
    "Cllr Ward",
]


class TextMaker:
    """Random but realistic-looking prose: word frequencies follow Zipf's law."""

    def __init__(self, seed: int = 2012):
        self.random = random.Random(seed)  # noqa: S311 - repeatable test data
        self.weights = [1 / (rank + 1) for rank in range(len(WORDS))]

    def words(self, count: int) -> list[str]:
        return self.random.choices(WORDS, weights=self.weights, k=count)

    def sentence(self, low: int = 8, high: int = 20) -> str:
        words = self.words(self.random.randint(low, high))
        if self.random.random() < 0.01:  # a name in one sentence in a hundred
            words.insert(self.random.randrange(len(words)), self.random.choice(NAMES))
        return " ".join(words).capitalize() + "."

    def paragraph(self, sentences: int = 4) -> str:
        return " ".join(self.sentence() for _ in range(sentences))

    def title(self) -> str:
        words = self.words(self.random.randint(4, 9))
        if self.random.random() < 0.1:
            words.append(self.random.choice(NAMES))
        return " ".join(words).capitalize()


def _step(number: int) -> str:
    """A tree path step as treebeard writes it (base 36, fixed width)."""
    alphabet, width = Page.alphabet, Page.steplen
    digits = ""
    while number:
        number, remainder = divmod(number, len(alphabet))
        digits = alphabet[remainder] + digits
    return digits.rjust(width, alphabet[0])


def bulk_add_children(parent: Page, model: type[Page], rows: Iterable[dict], batch: int = 500):
    """Add live pages of `model` under `parent`, fast. Each row holds the page's fields.

    The base rows go in with one bulk insert per batch, each own-table row with one
    raw insert (raw saves skip the parent tables and the search-index signal).
    """
    content_type = ContentType.objects.get_for_model(model)
    locale = Locale.get_default()
    last = parent.get_last_child()
    step = int(last.path[-Page.steplen :], 36) if last else 0
    now = timezone.now()
    base_fields = {field.name for field in Page._meta.concrete_fields}
    created = 0
    rows = list(rows)
    for start in range(0, len(rows), batch):
        chunk = rows[start : start + batch]
        pages = []
        for row in chunk:
            step += 1
            published = row.pop("first_published_at", now)
            base = {key: row.pop(key) for key in list(row) if key in base_fields}
            pages.append(
                (
                    Page(
                        path=parent.path + _step(step),
                        depth=parent.depth + 1,
                        numchild=0,
                        url_path=f"{parent.url_path}{base['slug']}/",
                        content_type=content_type,
                        locale=locale,
                        translation_key=uuid.uuid4(),
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=published,
                        last_published_at=published,
                        draft_title=base["title"],
                        **base,
                    ),
                    row,
                )
            )
        Page.objects.bulk_create([page for page, _row in pages])
        for page, own in pages:
            specific = model(page_ptr_id=page.pk, **own)
            specific.save_base(raw=True, force_insert=True)
        created += len(chunk)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + created)
    parent.refresh_from_db()
    return created


def analyse() -> None:
    """Refresh the planner's statistics after a bulk load, and on PostgreSQL the visibility
    map of the freshly written tables (autovacuum would, later)."""
    with connection.cursor() as cursor:
        vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
        cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")  # VACUUM needs no transaction


def rebuild_index(models: Iterable[type], chunk_size: int = 500, log=print) -> None:
    """Index every object of `models` in chunks, as `manage.py update_index` does."""
    backend = get_search_backend()
    for model in models:
        index = backend.get_index_for_model(model)
        queryset = model.get_indexed_objects().order_by("pk")
        total = queryset.count()
        last_pk = None
        done = 0
        while True:
            chunk_qs = queryset if last_pk is None else queryset.filter(pk__gt=last_pk)
            chunk = list(chunk_qs[:chunk_size])
            if not chunk:
                break
            with transaction.atomic():
                index.add_items(model, chunk)
            last_pk = chunk[-1].pk
            done += len(chunk)
        log(f"indexed {done} of {total} {model._meta.verbose_name_plural}")


@dataclass
class Timing:
    count: int
    median_ms: float
    p95_ms: float
    max_ms: float
    mean_ms: float
    queries_per_search: float
    cpu_median_ms: float = 0.0  # this process's CPU time: less swayed by a busy machine
    sql_median_ms: float = 0.0  # time spent waiting on the database, per search


def make_queries(count: int, seed: int = 7) -> list[dict]:
    """Varied searches: common, middling and rare words, pairs, phrases, names, typos, filters."""
    rng = random.Random(seed)  # noqa: S311 - repeatable test data
    topical = [word for word in WORDS if word not in STOP_WORDS]
    common, middling, rare = topical[:50], topical[50:250], topical[250:]
    makers: list[Callable[[], dict]] = [
        lambda: {"q": rng.choice(common)},
        lambda: {"q": rng.choice(middling)},
        lambda: {"q": rng.choice(rare)},
        lambda: {"q": f"{rng.choice(middling)} {rng.choice(middling)}"},
        lambda: {"q": f"{rng.choice(common)} {rng.choice(rare)}"},
        lambda: {"q": f'"{rng.choice(common)} {rng.choice(common)}"'},
        lambda: {"q": rng.choice(NAMES)},
        lambda: {"q": rng.choice(PEN_NAMES)},
        lambda: {"q": rng.choice(middling)[:-1] + "zq"},  # a typo: no results, "did you mean"
        lambda: {"q": rng.choice(common), "page": str(rng.randint(2, 5))},
        lambda: {"q": rng.choice(middling), "type": "essay"},
        lambda: {"q": rng.choice(middling), "year": str(rng.randint(2008, 2013))},
    ]
    return [makers[index % len(makers)]() for index in range(count)]


def percentile(sorted_values: list[float], share: float) -> float:
    return sorted_values[max(0, int(round(share * len(sorted_values))) - 1)]


def time_searches(view, queries: list[dict]) -> Timing:
    """Time the search page, end to end (view and template), for each query in turn.

    Every query runs once untimed first, counting its SQL and the database's share, so
    that each run starts equally warm (templates, cached vocabulary, the database's
    buffers) whatever ran before it. The timed pass records nothing extra: recording
    every query's SQL (as `DEBUG` does) would be timed too.
    """
    factory = RequestFactory()
    query_counts, sql_ms = [], []
    for params in queries:
        with CaptureQueriesContext(connection) as captured:
            response = view(factory.get("/search/", params))
            response.render()
        if response.status_code != 200:
            raise RuntimeError(f"{params} answered {response.status_code}")
        query_counts.append(len(captured))
        sql_ms.append(sum(float(query["time"]) for query in captured.captured_queries) * 1000)
    reset_queries()
    timings, cpu = [], []
    for params in queries:
        request = factory.get("/search/", params)
        started, started_cpu = time.perf_counter(), time.process_time()
        view(request).render()
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    timings.sort()
    return Timing(
        count=len(timings),
        median_ms=statistics.median(timings),
        p95_ms=percentile(timings, 0.95),
        max_ms=timings[-1],
        mean_ms=statistics.fmean(timings),
        queries_per_search=statistics.fmean(query_counts),
        cpu_median_ms=statistics.median(cpu),
        sql_median_ms=statistics.median(sql_ms),
    )


def conditions() -> str:
    """What the figures depend on besides the code: settings, database, machine load."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
            database = f"PostgreSQL {cursor.fetchone()[0]}"
        else:
            database = f"SQLite {connection.Database.sqlite_version}"
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    cache = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    return (
        f"settings {os.environ.get('DJANGO_SETTINGS_MODULE', '?')}, DEBUG {settings.DEBUG}, "
        f"cache {cache}, {database}, {os.cpu_count()} CPUs, load {load}"
    )


def slugify_words(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]
