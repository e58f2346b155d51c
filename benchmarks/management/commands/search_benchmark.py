"""Time the site search on a large site: `make benchmark`, or
`manage.py search_benchmark --generate` on a database of its own.

With --generate it first adds 10,000 essays and 1,000 roundups of 20 excerpts
(quoting 200 generated bloggers) and indexes them; run it on a database of its
own. Then it refreshes the database's statistics, runs a few hundred varied
searches through the search page in process (each once untimed, then timed), and
prints the median and 95th percentile, with what they depend on besides the code:
the settings (DEBUG records every query and slows templates), the database and
the machine's load before and after. On a shared machine the CPU time of this
process and the time waiting on the database say more than the wall clock.
"""

import json
import random
import time
import uuid
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from wagtail.models import Page, Site

from benchmarks.sitegen import (
    PEN_NAMES,
    TextMaker,
    analyse,
    bulk_add_children,
    conditions,
    make_queries,
    rebuild_index,
    time_searches,
)
from essays.models import EssayIndexPage, EssayPage
from home.models import HomePage
from people.featured import refresh_featured_counts
from people.models import Blogger, FeaturedExcerpt, Sector
from roundups.blocks import excerpt_anchor
from roundups.models import RoundupIndexPage, RoundupPage
from roundups.titles import derived_slug, derived_title
from search import documents, views

ESSAY_SLUG = "benchmark-essay-"
BLOGGER_SLUG = "benchmark-blogger-"
SECTORS = ["Social care", "Health", "Democracy", "Policing", "Education"]


class Command(BaseCommand):
    help = (
        "Time site searches (median and 95th percentile); with --generate, first add "
        "10,000 essays and 1,000 roundups to search. Use a database of its own."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--generate", action="store_true", help="Add the generated content first."
        )
        parser.add_argument("--essays", type=int, default=10_000)
        parser.add_argument("--roundups", type=int, default=1_000)
        parser.add_argument("--excerpts", type=int, default=20, help="Excerpts per roundup.")
        parser.add_argument("--bloggers", type=int, default=200)
        parser.add_argument("--queries", type=int, default=240, help="Searches to time.")
        parser.add_argument("--seed", type=int, default=2012, help="Seed for repeatable text.")

    def handle(self, *args, **options):
        if options["generate"]:
            self.generate(options)
        essays = Page.objects.filter(slug__startswith=ESSAY_SLUG).count()
        self.stdout.write(
            f"Database: {connection.vendor}. Live pages: "
            f"{Page.objects.live().count():,} (generated essays: {essays:,})."
        )
        if options["queries"] < 1:
            return
        if settings.DEBUG:
            self.stdout.write(
                self.style.WARNING(
                    "DEBUG is on: templates keep debugging information and every SQL query "
                    "is recorded, which slows each search. Time with DEBUG=0."
                )
            )
        # Fresh planner statistics and visibility maps, so that a run does not depend on
        # how long ago the content was written or autovacuum last passed.
        analyse()
        queries = make_queries(options["queries"])
        self.stdout.write(f"Before: {conditions()}")
        timing = time_searches(views.search, queries)
        self.stdout.write(
            self.style.SUCCESS(
                f"{timing.count} searches on {connection.vendor}: "
                f"median {timing.median_ms:.1f} ms, p95 {timing.p95_ms:.1f} ms, "
                f"max {timing.max_ms:.1f} ms, mean {timing.mean_ms:.1f} ms; "
                f"{timing.queries_per_search:.1f} SQL queries a search; "
                f"median CPU {timing.cpu_median_ms:.1f} ms here, "
                f"{timing.sql_median_ms:.1f} ms waiting on the database."
            )
        )
        self.stdout.write(f"After: {conditions()}")

    # Generation -------------------------------------------------------------

    def generate(self, options):
        if Page.objects.filter(slug__startswith=ESSAY_SLUG).exists():
            self.stdout.write("Generated content is already here; timing searches only.")
            return
        started = time.perf_counter()
        text = TextMaker(options["seed"])
        rng = random.Random(options["seed"])  # noqa: S311 - repeatable test data
        with transaction.atomic():
            home = self.home_page()
            sectors = [
                Sector.objects.get_or_create(
                    slug=name.lower().replace(" ", "-"), defaults={"name": name, "sort_order": i}
                )[0]
                for i, name in enumerate(SECTORS)
            ]
            bloggers = self.bloggers(options["bloggers"], sectors, text, rng)
            essay_index = self.child(home, EssayIndexPage, title="Essays", slug="essays")
            roundup_index = self.child(home, RoundupIndexPage, title="Roundups", slug="roundups")
            count = bulk_add_children(
                essay_index, EssayPage, self.essay_rows(options["essays"], text, rng)
            )
            self.stdout.write(f"  {count:,} essays")
            taken = set(RoundupPage.objects.child_of(roundup_index).values_list("slug", flat=True))
            rows, featured = self.roundup_rows(
                options["roundups"], options["excerpts"], bloggers, sectors, text, rng, taken
            )
            count = bulk_add_children(roundup_index, RoundupPage, rows)
            by_slug = dict(RoundupPage.objects.child_of(roundup_index).values_list("slug", "pk"))
            for row in featured:
                row.page_id = by_slug[row.page_id]
            FeaturedExcerpt.objects.bulk_create(featured, batch_size=2000)
            refresh_featured_counts()
            self.stdout.write(f"  {count:,} roundups with {len(featured):,} excerpts")
        self.stdout.write(f"Content added in {time.perf_counter() - started:.0f} s; indexing…")
        started = time.perf_counter()
        rebuild_index([EssayPage, RoundupPage, Blogger], log=lambda line: self.stdout.write(line))
        written = documents.rebuild()
        self.stdout.write(f"{written:,} site search documents written")
        # What points at what, as publishing would record it: purges of a renamed blogger
        # find the roundups that quote them here.
        call_command("rebuild_references_index", verbosity=0)
        self.stdout.write("Reference index rebuilt")
        analyse()
        self.stdout.write(f"Indexed in {time.perf_counter() - started:.0f} s.")

    def home_page(self) -> HomePage:
        home = HomePage.objects.first()
        if home is None:
            root = Page.get_first_root_node()
            if root is None:
                raise CommandError("The page tree has no root: run `manage.py migrate` first.")
            for placeholder in root.get_children().exact_type(Page):
                placeholder.delete()  # Wagtail's "Welcome" page on a fresh database
            home = root.add_child(instance=HomePage(title="Guerilla Policy", slug="home"))
            Site.objects.update_or_create(
                is_default_site=True,
                defaults={"hostname": "localhost", "root_page": home, "site_name": "Guerilla"},
            )
        return home

    def child(self, parent, model, **fields):
        page = model.objects.child_of(parent).first()
        if page is None:
            page = parent.add_child(instance=model(**fields))
            page.save_revision().publish()
        return page

    def bloggers(self, count, sectors, text, rng) -> list[Blogger]:
        names = [*PEN_NAMES, *(text.title().split()[0] + str(n) for n in range(count))][:count]
        Blogger.objects.bulk_create(
            [
                Blogger(
                    name=name,
                    slug=f"{BLOGGER_SLUG}{n}",
                    blog_name=f"{name}’s blog",
                    role=text.sentence(4, 8)[:200],
                    bio=text.sentence(),
                )
                for n, name in enumerate(names)
            ],
            ignore_conflicts=True,
        )
        bloggers = list(Blogger.objects.filter(slug__startswith=BLOGGER_SLUG))
        through = Blogger.sectors.through
        through.objects.bulk_create(
            [through(blogger_id=b.pk, sector_id=rng.choice(sectors).pk) for b in bloggers],
            ignore_conflicts=True,
        )
        return bloggers

    def essay_rows(self, count, text, rng):
        start = datetime(2008, 1, 1, 9, tzinfo=timezone.get_current_timezone())
        for n in range(count):
            body = []
            for _ in range(rng.randint(5, 10)):
                if rng.random() < 0.15:
                    body.append({"type": "heading", "value": {"text": text.title(), "level": "h2"}})
                body.append({"type": "paragraph", "value": f"<p>{text.paragraph()}</p>"})
            for item in body:
                item["id"] = str(uuid.uuid4())
            published = start + timedelta(hours=n * 4)
            yield {
                "title": text.title(),
                "slug": f"{ESSAY_SLUG}{n}",
                "first_published_at": published,
                "published_at": published,
                "sort_date": published,
                "standfirst": text.sentence(12, 30)[:500],
                "body": json.dumps(body),
            }

    def roundup_rows(self, count, per_roundup, bloggers, sectors, text, rng, taken):
        """`count` weeks of roundups back from October 2012, past the weeks the demo's own
        roundups (`taken` slugs) already have: one roundup a week, as editors make them."""
        rows, featured = [], []
        weeks = (date(2012, 10, 19) - timedelta(weeks=n) for n in range(count + len(taken)))
        for n, week_ending in enumerate(w for w in weeks if derived_slug(w) not in taken):
            if n == count:
                break
            slug = derived_slug(week_ending)
            excerpts = []
            for position in range(per_roundup):
                blogger = rng.choice(bloggers)
                sector = rng.choice(sectors)
                block_id = str(uuid.uuid4())
                title = text.title()
                posted_on = week_ending - timedelta(days=rng.randint(0, 6))
                excerpts.append(
                    {
                        "type": "excerpt",
                        "id": block_id,
                        "value": {
                            "title": title,
                            "url": f"https://example.org/{n}/{position}",
                            "blogger": blogger.pk,
                            "author": "",
                            "posted_on": posted_on.isoformat(),
                            "quote": text.paragraph(2),
                            "commentary": f"<p>{text.sentence()}</p>",
                            "sector": sector.pk,
                            "suggested_by": "",
                        },
                    }
                )
                featured.append(
                    FeaturedExcerpt(
                        page_id=slug,  # replaced by the page's id once it exists
                        blogger_id=blogger.pk,
                        sector_id=sector.pk,
                        anchor=excerpt_anchor(block_id),
                        post_title=title[:255],
                        post_url=f"https://example.org/{n}/{position}",
                        posted_on=posted_on,
                        page_date=week_ending,
                        position=position,
                    )
                )
            published = datetime.combine(
                week_ending, datetime.min.time(), tzinfo=timezone.get_current_timezone()
            )
            rows.append(
                {
                    "title": derived_title(week_ending),
                    "slug": slug,
                    "first_published_at": published,
                    "week_ending": week_ending,
                    "introduction": f"<p>{text.sentence()}</p>",
                    "excerpts": json.dumps(excerpts),
                    "previous_reads": "[]",
                    "excerpt_count": len(excerpts),
                    "sector_ids": sorted({e["value"]["sector"] for e in excerpts}),
                }
            )
        return rows, featured
