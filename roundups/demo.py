"""The demo roundup archive: the seed's "week ending 19th October 2012", and the suggestion page.

Bloggers and sectors come from the people demo when it has made them (looked up by
slug, name or blog name); otherwise they are created here under the same slugs, so
whichever runs first, nothing is duplicated. Idempotent: existing pages are left alone.
"""

import uuid
from dataclasses import dataclass
from datetime import date, datetime, time

from django.db.models import Q
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify

from home.models import HomePage
from people.models import Blogger, Sector
from roundups.models import RoundupIndexPage, RoundupPage, SuggestionPage

WEEK_ENDING = date(2012, 10, 19)

SECTORS = [
    ("social-care", "Social care"),
    ("health", "Health"),
    ("democracy", "Democracy"),
    ("policing", "Policing"),
    ("education", "Education"),
]

INTRODUCTION = (
    "We love public and voluntary service bloggers. At their best, they capture the "
    "day-to-day reality of public services in a way that Westminster-commentators can’t – and "
    "they have the real expertise and insights we need to improve social policy. Here’s our "
    "selection of the best frontline blogs we’ve read this week. Do send us your suggestions "
    "for great posts we’ve missed – and those frontline bloggers we should follow in the future."
)

SUGGESTIONS_CALL = (
    "If you’re a frontline blogger, do send us your latest blogs on policy issues or posts from "
    "the past that you’re particularly proud of, and they could be included in next week’s "
    "round-up. Get in touch with us at: info@guerillapolicy.org or via Twitter @guerillapolicy "
    "and @guerrillapolicy"
)


@dataclass(frozen=True)
class SeedBlogger:
    name: str
    slugs: tuple[str, ...]  # the first is the slug used when we create the profile
    also_known_as: tuple[str, ...] = ()
    blog_name: str = ""
    twitter_handle: str = ""
    sector: str = ""
    role: str = ""


BLOGGERS = {
    "ermintrude2": SeedBlogger(
        "Ermintrude2", ("ermintrude2",), sector="social-care", role="works in dementia services"
    ),
    "whose-shoes": SeedBlogger(
        "Whose Shoes?", ("whose-shoes",), blog_name="Whose Shoes?", sector="social-care"
    ),
    "secret-social-worker": SeedBlogger(
        "Secret Social Worker",
        ("secret-social-worker", "secret-social-workers-blog"),
        also_known_as=("Secret Social Worker’s Blog", "Secret Social Worker's Blog"),
        blog_name="Secret Social Worker’s Blog",
        sector="social-care",
        role="a social worker",
    ),
    "social-work-blog": SeedBlogger(
        "the Social Work Blog",
        ("the-social-work-blog", "social-work-blog"),
        also_known_as=("Social Work Blog", "The Social Work Blog"),
        sector="social-care",
    ),
    "micmac650": SeedBlogger(
        "@micmac650",
        ("micmac650", "mark-macgregor"),
        also_known_as=("Mark MacGregor", "micmac650"),
        twitter_handle="micmac650",
        sector="health",
        role="Associate Medical Director and consultant nephrologist in NHS Ayrshire & Arran",
    ),
    "dr-grumble": SeedBlogger("Dr Grumble", ("dr-grumble",), sector="health", role="a doctor"),
    "nathan-constable": SeedBlogger(
        "Nathan Constable", ("nathan-constable",), sector="policing", role="a police officer"
    ),
    "frank-chalk": SeedBlogger(
        "Frank Chalk", ("frank-chalk",), sector="education", role="a teacher"
    ),
    "carolyne-mitchell": SeedBlogger(
        "Carolyne Mitchell",
        ("carolyne-mitchell",),
        role="a communications officer at South Lanarkshire Council",
    ),
}


@dataclass(frozen=True)
class SeedExcerpt:
    blogger: str
    sector: str | None
    title: str
    posted_on: date
    quote: str
    commentary: str
    author: str = ""


EXCERPTS = [
    SeedExcerpt(
        "ermintrude2",
        "social-care",
        "What I would say to Norman Lamb",
        date(2012, 10, 18),
        "What I see are cuts. I see respite narrowing in terms of ability to access. I see "
        "provisions which had been helpful, closing. I see a lack of beds in the local hospitals "
        "when they are needed and I see people who need support being denied it because there "
        "are no provisions left. So take your pleasantries and policy ideas and come and spend a "
        "day with me in the community and you’ll see why I am impatient and unbelieving about the "
        "platitudes that emerge from those who don’t seem to understand what is happening ‘out "
        "there’.",
        "Ermintrude, who works in dementia services, speculates on what she would say if she had "
        "the opportunity to meet with Norman Lamb, the new Liberal Democrat Social Care Minister. "
        "She argues that those in positions of power – be it Ministers of Senior Managers – need "
        "to take responsibility for their policies by listening to those who work at the "
        "frontline and are responsible for putting these policies into practice.",
    ),
    SeedExcerpt(
        "whose-shoes",
        "social-care",
        "Not the Francis report",
        date(2012, 10, 17),
        "Life can often only be understood backwards, but it must be lived forwards.It is "
        "important and necessary to look back and understand what went wrong in Mid "
        "Staffordshire and ensure that the voices of those affected have been adequately heard. "
        "But it is also vital that we now look forward and learn the lessons to create a system "
        "in which poor quality and unsafe care can no longer be ignored.",
        "A guest post by Laura Robinson, Policy & Communications Advisor for National Voices, "
        "raises fundamental issues around patient care and patient safety, following the "
        "independent inquiry in Mid Staffordshire. There is already much collective wisdom and "
        "widespread consensus on what needs to be done to ensure that care is safe, effective and "
        "responsive to patients’ needs. ‘Not the Francis report’, published by National Voices "
        "this week, brings this together in a series of recommendations and urges the Government "
        "and NHS leaders to drive forward improvements across the whole system of health and "
        "social care.",
        author="Laura Robinson",
    ),
    SeedExcerpt(
        "secret-social-worker",
        "social-care",
        "Lead like lambs into his hands: Is light entertainment more important than child "
        "protection?",
        date(2012, 10, 12),
        "Child protection can never be a matter for just professionals but instead must be a "
        "concern for the whole community. Those who see or know about the sexual abuse of "
        "children should have little doubt about its destructive outcome and how utterly wrong "
        "it is. Therefore there can be few excuses for allowing it to continue. There is ALWAYS "
        "something you can do.",
        "In this post the Secret Social Worker argues that the Savile scandal reminds us that "
        "child protection is the responsibility of the whole community, not just statutory "
        "agencies.",
    ),
    SeedExcerpt(
        "social-work-blog",
        "social-care",
        "Social workers have a duty to join Saturday’s anti-austerity march",
        date(2012, 10, 18),
        "David Cameron can tell us that “we’re all in this together”, but as social workers we "
        "know this couldn’t be further from the truth.",
        "Lizzie Furber, a social worker and member of the Social Work Action Network, argues that "
        "social workers are in the frontline when it comes to seeing the impact of cuts. Lizzie "
        "issues a call to action for all social workers to take part in the anti-austerity march "
        "taking place in London on Saturday 20th October. She argues that cuts affect all areas "
        "of social work, with caseloads soaring.",
        author="Lizzie Furber",
    ),
    SeedExcerpt(
        "micmac650",
        "health",
        "“Return the money” – is spending less on healthcare the moral thing to do?",
        date(2012, 10, 18),
        "For me this has been crystallised by the impending Scottish independence referendum. "
        "Soon we may be making the decisions about our own country – what balance of "
        "expenditures will give us the healthiest and happiest population? I’m fairly confident "
        "that diverting money from nuclear missiles to healthcare would be a good thing. But how "
        "do we balance the competing demands of a universal high speed broadband network or "
        "higher teacher-pupil ratios?",
        "Mark MacGregor (@micmac650) is an Associate Medical Director and consultant nephrologist "
        "in NHS Ayrshire & Arran. He is also a Health Foundation fellow. In this post he argues "
        "that clinicians need to put the days of campaigning for more resources behind them, and "
        "instead devote energies into addressing the ‘health productivity challenge’ – how do we "
        "maximise health gains within existing resources?",
    ),
    SeedExcerpt(
        "dr-grumble",
        "democracy",
        "",
        date(2012, 10, 14),
        "I have never really thought that I live in a true democracy. The world’s oldest "
        "democracy is just a stock phrase I trotted out. It probably stems from the ruling "
        "classes intent on giving us plebs the illusion that we have some control over our "
        "lives. We don’t. Not much anyway.",
        "Dr Grumble describes how a threat of a hospital closure is being pushed through with "
        "little engagement of both GPs and consultants. The Chief Executive of the hospital "
        "states that ‘the hospital was not a democracy. It’s not. It never has been and it never "
        "will.’ Dr Grumble describes how people have been invited to take part in a formal "
        "consultation, but laments that ‘formal consultation processes are more about telling "
        "the populace what is going to happen than listening to their concerns.’",
    ),
    SeedExcerpt(
        "nathan-constable",
        "policing",
        "@craig2383 meets the Home Secretary",
        date(2012, 10, 14),
        "I told her that if she wants to make the Police political then this reg needs to go. "
        "Her response was that the Police wont be political but rather run by a democratically "
        "elected person. However I then told her that we as the Police can’t be part of that as "
        "either as Police or public as regs still governs our behavior in our personal life. I "
        "told her that we can’t publicly support any candidate in any way or even stand for "
        "election. This means that there is a direct conflict with the PCC process and the very "
        "core of Police regs. Its almost like this was a completely new thing to her.",
        "@craig2383 has spoken to his MP about Police Reform. It just so happens that his MP is "
        "none other than Home Secretary Theresa May. Craig shares his account of the meeting via "
        "Nathan’s blog. In the post, Craig shows the limits of May’s knowledge of the reforms "
        "that her Government is pushing through. He also points out the tension between "
        "politicisation of the police service and the rules governing police officers’ political "
        "activities.",
        author="@craig2383",
    ),
    SeedExcerpt(
        "frank-chalk",
        "education",
        "Mixed ability",
        date(2012, 10, 16),
        "Let’s not pretend or mince our words here – Miss Jones is simply wasting Brandon, Lee "
        "and Edward’s time. It’s not her fault – she is only human and cannot possibly deal with "
        "such a ridiculously large spectrum of abilities. Deep down, she feels that mixed ability "
        "classes seem to let down the best and the worst. All she has ever been told however, is "
        "how great it is that the school is so ‘inclusive’.",
        "In this post, Frank Chalk points out the challenges for teachers in meeting the needs of "
        "a diverse range of students in mixed ability classes. He argues that the system is "
        "failing higher achieving pupils and those who require more support.",
    ),
]

PREVIOUS_READS = [
    SeedExcerpt(
        "carolyne-mitchell",
        None,
        "Taking comms back to basics",
        date(2012, 10, 4),
        "This is comms 1.0. It’s about getting back to basics and thinking about the way we "
        "communicate with the public directly, not through the media. It’s about plain English, "
        "cutting through the crap, getting to the point and making it as easy as possible to "
        "deal with the council.",
        "Inspired in part by the Government’s Behavioural Insights Team, Carolyne Mitchell, a "
        "communications officer at South Lanarkshire Council, considers how local government "
        "comms needs to be less about press releases and more about changing public behaviours.",
    ),
]


def sector_for(slug: str, name: str, order: int) -> Sector:
    sector = Sector.objects.filter(Q(slug=slug) | Q(name__iexact=name)).first()
    if sector is None:
        sector = Sector.objects.create(slug=slug, name=name, sort_order=order)
    return sector


def blogger_for(seed: SeedBlogger, sectors: dict[str, Sector]) -> Blogger:
    """The people demo's profile for this blogger if there is one, else a new one."""
    names = (seed.name, *seed.also_known_as)
    query = Q(slug__in=seed.slugs)
    for name in names:
        query |= Q(name__iexact=name)
        query |= Q(blog_name__iexact=name)
    if seed.twitter_handle:
        query |= Q(twitter_handle__iexact=seed.twitter_handle)
        query |= Q(twitter_handle__iexact=f"@{seed.twitter_handle}")
    blogger = Blogger.objects.filter(query).order_by("pk").first()
    if blogger is None:
        blogger = Blogger.objects.create(
            name=seed.name,
            slug=seed.slugs[0],
            blog_name=seed.blog_name,
            twitter_handle=seed.twitter_handle,
            role=seed.role,
        )
        if seed.sector:
            blogger.sectors.add(sectors[seed.sector])
    return blogger


def stream_item(seed: SeedExcerpt, bloggers: dict[str, Blogger], sectors: dict) -> dict:
    blogger = bloggers[seed.blogger]
    # The seed gives no post addresses: link the blog's own address when the profile has one.
    url = blogger.blog_url or f"https://example.org/{blogger.slug}/{slugify(seed.title) or 'post'}"
    return {
        "type": "excerpt",
        "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{WEEK_ENDING}/{seed.blogger}")),
        "value": {
            "title": seed.title,
            "url": url,
            "blogger": blogger.pk,
            "author": seed.author,
            "posted_on": seed.posted_on.isoformat(),
            "quote": seed.quote,
            "commentary": f"<p>{escape(seed.commentary)}</p>",
            "sector": sectors[seed.sector].pk if seed.sector else None,
            "suggested_by": "",
        },
    }


def publish(page) -> None:
    page.save_revision().publish()


def load(loader) -> None:
    home = HomePage.objects.first()
    if home is None:
        return
    sectors = {slug: sector_for(slug, name, order) for order, (slug, name) in enumerate(SECTORS)}
    bloggers = {key: blogger_for(seed, sectors) for key, seed in BLOGGERS.items()}

    index = RoundupIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(
            instance=RoundupIndexPage(
                title="Best of the frontline bloggers",
                slug="roundups",
                show_in_menus=True,
                introduction="<p>Every week, the best posts we’ve read from people who run and "
                "use public services, grouped by sector.</p>",
            )
        )
        publish(index)
        loader.log("roundup archive created")

    if not RoundupPage.objects.child_of(index).filter(week_ending=WEEK_ENDING).exists():
        roundup = index.add_child(
            instance=RoundupPage(
                week_ending=WEEK_ENDING,
                introduction=f"<p>{escape(INTRODUCTION)}</p>",
                excerpts=[stream_item(seed, bloggers, sectors) for seed in EXCERPTS],
                previous_reads=[stream_item(seed, bloggers, sectors) for seed in PREVIOUS_READS],
                suggestions_call=f"<p>{escape(SUGGESTIONS_CALL)}</p>",
                first_published_at=timezone.make_aware(datetime.combine(WEEK_ENDING, time(9))),
            )
        )
        publish(roundup)
        loader.log(f"roundup “{roundup.title}” created")

    if not SuggestionPage.objects.exists():
        suggest = index.add_child(
            instance=SuggestionPage(
                title="Suggest a post",
                slug="suggest-a-post",
                introduction="<p>Read a post by someone who works in or uses public services "
                "that we should share? Tell us about it and it could be in next week’s "
                "roundup.</p>",
            )
        )
        publish(suggest)
        loader.log("suggest-a-post page created")
