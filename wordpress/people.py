"""Who wrote and who is quoted: WordPress authors as staff authors, roundup bloggers and
their sectors as the people snippets, matched before anything new is made."""

from urllib.parse import urlparse

from django.db.models import Q
from django.utils.text import slugify

from essays.models import Author
from people.models import Blogger, Sector
from wordpress import wxr
from wordpress.ledger import Ledger
from wordpress.report import Report


def host(address: str) -> str:
    """The blog's host without "www.", the part two addresses of one blog share."""
    return urlparse(address.strip()).netloc.lower().removeprefix("www.")


def bare_name(name: str) -> str:
    """ "the Social Work Blog" and "The Social Work Blog" are one name."""
    name = " ".join(name.split()).strip(" .,:;")
    return name[4:] if name.lower().startswith("the ") else name


class People:
    def __init__(self, ledger: Ledger, report: Report, authors: dict[str, wxr.Author]):
        self.ledger, self.report, self.authors = ledger, report, authors
        self.author_cache: dict[str, Author | None] = {}

    def author(self, login: str) -> Author | None:
        """The staff author for a WordPress login, matched by slug or name, else created."""
        if not login:
            return None
        if login in self.author_cache:
            return self.author_cache[login]
        known = self.authors.get(login)
        name = (known.display_name if known else "") or login
        record = self.ledger.find(f"author:{login}")
        author = Author.objects.filter(pk=record.object_id).first() if record else None
        author = author or (
            Author.objects.filter(Q(slug=slugify(login)) | Q(name__iexact=name)).first()
        )
        if author is None:
            author = Author.objects.create(name=name, slug=self.free_author_slug(login))
            self.report.count("author", "created")
        else:
            self.report.count("author", "unchanged")
        self.ledger.record(f"author:{login}", "author", author.pk)
        self.author_cache[login] = author
        return author

    @staticmethod
    def free_author_slug(login: str) -> str:
        base, number = slugify(login) or "author", 1
        slug = base
        while Author.objects.filter(slug=slug).exists():
            number += 1
            slug = f"{base}-{number}"
        return slug

    def sector(self, name: str) -> Sector:
        """The sector a roundup heading names, made when the site had none of that name."""
        sector = Sector.objects.filter(name__iexact=name.strip()).first()
        if sector is None:
            sector = Sector.objects.create(name=name.strip()[:100])
            self.report.count("sector", "created")
        return sector

    def blogger(self, name: str, address: str, sector: Sector | None) -> Blogger:
        """The blogger an excerpt is "From": by name or blog name, else by the blog's
        address, else a new profile with what the roundup says."""
        plain = bare_name(name)
        blogger = Blogger.objects.filter(
            Q(name__iexact=plain)
            | Q(name__iexact=f"the {plain}")
            | Q(blog_name__iexact=plain)
            | Q(blog_name__iexact=f"the {plain}")
        ).first()
        site = host(address)
        if blogger is None and site:
            blogger = next(
                (b for b in Blogger.objects.exclude(blog_url="") if host(b.blog_url) == site),
                None,
            )
        if blogger is not None:
            self.report.count("blogger", "unchanged")
            return blogger
        parsed = urlparse(address)
        blogger = Blogger.objects.create(
            name=plain[:120],
            blog_url=f"{parsed.scheme}://{parsed.netloc}/" if parsed.netloc else "",
        )
        if sector is not None:
            blogger.sectors.add(sector)
        self.report.count("blogger", "created")
        return blogger
