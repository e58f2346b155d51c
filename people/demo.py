"""The seed's sectors, roundup bloggers and civil service leaders, and the two directories.

Officials come from the seed's "civil service leadership" table (38 rows) with the
post's nine corrections applied: moved officials are former, with their new post,
replaced ones name their successor, and Dame Gillian Morgan is leaving. The successors
have rows of their own.
"""

import datetime

from django.utils.text import slugify

from home.models import HomePage
from people.models import (
    Blogger,
    BloggerIndexPage,
    Department,
    Official,
    OfficialIndexPage,
    Sector,
)

SECTORS = (
    # slug, name: in the roundup's order
    ("social-care", "Social care"),
    ("health", "Health"),
    ("democracy", "Democracy"),
    ("policing", "Policing"),
    ("education", "Education"),
)

BLOGGERS = (
    # slug, name, blog name, Twitter, sectors, role, bio (the seed gives no blog addresses)
    (
        "ermintrude2",
        "Ermintrude2",
        "",
        "",
        ["social-care"],
        "works in dementia services",
        "Ermintrude writes about social care from the frontline of dementia services.",
    ),
    (
        "whose-shoes",
        "Whose Shoes?",
        "Whose Shoes?",
        "",
        ["social-care"],
        "",
        "A blog on health and social care that hosts guest posts, such as Laura Robinson’s "
        "on the Mid Staffordshire inquiry.",
    ),
    (
        "secret-social-worker",
        "Secret Social Worker",
        "Secret Social Worker’s Blog",
        "",
        ["social-care"],
        "",
        "",
    ),
    (
        "the-social-work-blog",
        "The Social Work Blog",
        "The Social Work Blog",
        "",
        ["social-care"],
        "",
        "Social workers write about the impact of cuts on their work.",
    ),
    (
        "micmac650",
        "@micmac650",
        "",
        "micmac650",
        ["health"],
        "Associate Medical Director and consultant nephrologist, NHS Ayrshire & Arran",
        "Mark MacGregor is an Associate Medical Director and consultant nephrologist in NHS "
        "Ayrshire & Arran, and a Health Foundation fellow.",
    ),
    ("dr-grumble", "Dr Grumble", "", "", ["democracy"], "", ""),
    ("nathan-constable", "Nathan Constable", "", "", ["policing"], "", ""),
    ("frank-chalk", "Frank Chalk", "", "", ["education"], "", ""),
    (
        "carolyne-mitchell",
        "Carolyne Mitchell",
        "",
        "",
        [],
        "communications officer at South Lanarkshire Council",
        "",
    ),
)

# The post was written the week after the civil service reform plan (19 June 2012); its
# table and corrections were checked then.
CHECKED_ON = datetime.date(2012, 6, 29)

LEAVING, FORMER = Official.Status.LEAVING, Official.Status.FORMER

OFFICIALS = (
    # name, post, department, Twitter handle: in the seed table's order
    ("Sir Jeremy Heywood", "Cabinet Secretary", "Cabinet Office", ""),
    (
        "Sir Bob Kerslake",
        "Head of the Civil Service and Permanent Secretary",
        "Department for Communities and Local Government",
        "sirbobkerslake",
    ),
    ("Ian Watmore", "Permanent Secretary, Efficiency and Reform", "Cabinet Office", "ianwatmore"),
    (
        "Sir Jon Cuncliffe",
        "Permanent Secretary, International Economic Affairs and Europe",
        "Cabinet Office",
        "",
    ),
    ("Sir Peter Ricketts", "National Security Adviser", "Cabinet Office", ""),
    ("Keir Starmer QC", "Director of Public Prosecutions", "Crown Prosecution Service", ""),
    (
        "Martin Donnelly",
        "Permanent Secretary",
        "Department for Business, Innovation and Skills",
        "",
    ),
    ("Jonathan Stephens", "Permanent Secretary", "Department for Culture, Media and Sport", ""),
    ("Chris Wormald", "Permanent Secretary", "Department for Education", ""),
    ("Bronwyn Hill", "Permanent Secretary", "Department for Environment, Food & Rural Affairs", ""),
    (
        "Mark Lowcock",
        "Permanent Secretary",
        "Department for International Development",
        "DFID_Mark",
    ),
    ("Lin Homer", "Permanent Secretary", "Department for Transport", ""),
    ("Robert Devereux", "Permanent Secretary", "Department for Work and Pensions", ""),
    ("Darra Singh", "Chief Executive of Jobcentre Plus", "Department for Work and Pensions", ""),
    ("Moira Wallace", "Permanent Secretary", "Department of Energy and Climate Change", ""),
    ("Una O’Brien", "Permanent Secretary", "Department of Health", ""),
    ("Professor Dame Sally Davies", "Chief Medical Officer", "Department of Health", ""),
    ("Sir David Nicholson", "NHS Chief Executive", "Department of Health", ""),
    ("Simon Fraser", "Permanent Under-Secretary", "Foreign and Commonwealth Office", ""),
    (
        "Professor Sir John Beddington",
        "Government Chief Scientific Adviser",
        "Government Office for Science",
        "uksciencechief",
    ),
    ("Iain Lobban", "Director", "Government Communications Headquarters", ""),
    ("Dave Hartnett", "Second Permanent Secretary", "HM Revenue and Customs", "D_Hartnett_HMRC"),
    ("Sir Nicholas Macpherson", "Permanent Secretary", "HM Treasury", ""),
    ("Tom Scholar", "Second Permanent Secretary", "HM Treasury", ""),
    ("Dame Helen Ghosh", "Permanent Secretary", "Home Office", ""),
    ("Ursula Brennan", "Permanent Secretary", "Ministry of Defence", "urs18"),
    ("Bernard Gray", "Chief of Defence Material", "Ministry of Defence", ""),
    ("Professor Mark Welland", "Chief Scientific Adviser", "Ministry of Defence", ""),
    ("Jon Day", "Second Permanent Secretary", "Ministry of Defence", ""),
    ("Sir Suma Chakrabarti", "Permanent Secretary", "Ministry of Justice", ""),
    (
        "Sir Bruce Robinson",
        "Head of the Northern Ireland Civil Service",
        "Northern Ireland Civil Service",
        "",
    ),
    ("Sir Stephen Laws", "First Parliamentary Counsel", "Office of the Parliamentary Counsel", ""),
    ("Sir Peter Housden", "Permanent Secretary", "Scottish Government", ""),
    ("Sir John Sawers", "Chief", "Secret Intelligence Service (MI6)", ""),
    ("Jonathan Evans", "Director General", "Security Service (MI5)", ""),
    ("Paul Jenkins", "Treasury Solicitor", "Treasury Solicitor’s Department", ""),
    ("Jil Matheson", "National Statistician", "UK Statistics Authority", ""),
    ("Dame Gillian Morgan", "Permanent Secretary", "Welsh Assembly Government", ""),
)

# The table's remarks on how those with an account use it.
TWITTER_NOTES = {
    "Mark Lowcock": "has only sent two tweets",
    "Dave Hartnett": "has never sent a tweet",
    "Ursula Brennan": "a private account, and has only sent 13 tweets",
}

# The post's nine corrections to the civil service's list, and Ian Watmore's coming
# departure, which the table itself notes.
CORRECTIONS = {
    "Ian Watmore": {"status": LEAVING, "note": "About to leave the civil service"},
    "Sir Jon Cuncliffe": {"status": FORMER, "new_post": "UK Permanent Representative to the EU"},
    "Sir Peter Ricketts": {
        "status": FORMER,
        "new_post": "British Ambassador to France",
        "successor": "Sir Kim Darroch",
    },
    "Lin Homer": {
        "status": FORMER,
        "new_post": "Chief Executive and Permanent Secretary, HM Revenue and Customs",
        "successor": "Philip Rutnam",
    },
    "Ursula Brennan": {
        "status": FORMER,
        "new_post": "Permanent Secretary, Ministry of Justice",
        "successor": "Tom McKane (acting)",
    },
    "Sir Suma Chakrabarti": {"status": FORMER, "successor": "Ursula Brennan"},
    "Sir Bruce Robinson": {
        "status": FORMER,
        "successor": "Dr Malcolm McKibbin",
        "note": "His successor is also Permanent Secretary of the Office of the First Minister "
        "and deputy First Minister",
    },
    "Sir Stephen Laws": {"status": FORMER, "successor": "Richard Heaton"},
    "Dame Gillian Morgan": {"status": LEAVING, "note": "Has announced she is retiring"},
}

# Who holds the posts the corrections say changed hands, each in a row of their own, so
# the directory shows someone in post in every department. Two of them moved within the
# table (Ursula Brennan to Justice, Lin Homer to HMRC): their earlier rows stay, as former.
SUCCESSORS = (
    # name, post, department, Twitter handle, note
    ("Sir Kim Darroch", "National Security Adviser", "Cabinet Office", "", ""),
    ("Philip Rutnam", "Permanent Secretary", "Department for Transport", "", ""),
    (
        "Lin Homer",
        "Chief Executive and Permanent Secretary",
        "HM Revenue and Customs",
        "",
        "",
    ),
    ("Ursula Brennan", "Permanent Secretary", "Ministry of Justice", "urs18", ""),
    (
        "Tom McKane",
        "Acting Permanent Secretary",
        "Ministry of Defence",
        "",
        "Previously the Ministry's Director General for Security Policy",
    ),
    (
        "Dr Malcolm McKibbin",
        "Head of the Northern Ireland Civil Service",
        "Northern Ireland Civil Service",
        "",
        "Also Permanent Secretary of the Office of the First Minister and deputy First Minister",
    ),
    (
        "Richard Heaton",
        "First Parliamentary Counsel",
        "Office of the Parliamentary Counsel",
        "",
        "",
    ),
)

BLOGGERS_INTRODUCTION = (
    "<p>The frontline bloggers our weekly roundup quotes, by the sector they work in. "
    "Each profile lists every post of theirs we have featured.</p>"
)
OFFICIALS_INTRODUCTION = (
    "<p>Who leads the civil service, and which of them use Twitter. The table began as the "
    "civil service’s own list, which was substantially out of date; we correct it as people "
    "move, and flag entries nobody has checked for a while.</p>"
)


def load(loader) -> None:
    sectors = {}
    for order, (slug, name) in enumerate(SECTORS):
        sectors[slug], created = Sector.objects.get_or_create(
            slug=slug, defaults={"name": name, "sort_order": order}
        )
        if created:
            loader.log(f"sector {name}")

    for slug, name, blog_name, twitter, sector_slugs, role, bio in BLOGGERS:
        blogger, created = Blogger.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "blog_name": blog_name,
                "twitter_handle": twitter,
                "role": role,
                "bio": bio,
            },
        )
        if created:
            blogger.sectors.set([sectors[sector_slug] for sector_slug in sector_slugs])
            loader.log(f"blogger {name}")

    departments = {}
    created_officials = 0
    rows = [(*row, "", CORRECTIONS.get(row[0], {})) for row in OFFICIALS]
    rows += [(*row, {}) for row in SUCCESSORS]
    for name, post, department_name, twitter, note, corrections in rows:
        if department_name not in departments:
            departments[department_name] = Department.objects.get_or_create(
                name=department_name, defaults={"slug": _slug(department_name)}
            )[0]
        # One row per person and department: two who moved within the table have two.
        _, created = Official.objects.get_or_create(
            name=name,
            department=departments[department_name],
            defaults={
                "post": post,
                "twitter_handle": twitter,
                "twitter_note": TWITTER_NOTES.get(name, ""),
                "note": note,
                "last_checked": CHECKED_ON,
                **corrections,
            },
        )
        created_officials += created
    if created_officials:
        loader.log(f"{created_officials} officials in {len(departments)} departments")

    home = HomePage.objects.first()
    _directory(loader, home, BloggerIndexPage, "Bloggers", "bloggers", BLOGGERS_INTRODUCTION)
    _directory(
        loader,
        home,
        OfficialIndexPage,
        "Civil service leadership",
        "officials",
        OFFICIALS_INTRODUCTION,
    )


def _slug(name: str) -> str:
    return slugify(name.replace("&", "and"))


def _directory(loader, home, page_class, title: str, slug: str, introduction: str) -> None:
    """Create and publish the directory page under the home page, once."""
    if home is None or page_class.objects.exists():
        return
    page = home.add_child(
        instance=page_class(title=title, slug=slug, introduction=introduction, show_in_menus=True)
    )
    page.save_revision().publish()
    loader.log(f"page {page.url}")
