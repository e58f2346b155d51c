from wagtail.test.utils import WagtailPageTestCase

from essays.models import EssayIndexPage, EssayPage
from guests.models import GuestSectionPage
from home.models import ContentPage, HomePage
from people.models import BloggerIndexPage, OfficialIndexPage
from roundups.models import RoundupIndexPage, RoundupPage, SuggestionPage


class HomePagePlacementTests(WagtailPageTestCase):
    def test_home_page_holds_only_the_site_sections(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                EssayIndexPage,
                RoundupIndexPage,
                BloggerIndexPage,
                OfficialIndexPage,
                GuestSectionPage,
                SuggestionPage,
                ContentPage,
            },
        )

    def test_an_essay_or_roundup_cannot_go_straight_under_the_home_page(self):
        self.assertCanNotCreateAt(HomePage, EssayPage)
        self.assertCanNotCreateAt(HomePage, RoundupPage)
