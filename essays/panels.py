from wagtail.admin.panels import Panel


class SeriesPartsPanel(Panel):
    """The series' parts in number order, each with its status and an edit link."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "essays/admin/series_parts_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            series = self.instance
            context["series"] = series
            context["slots"] = series.slots() if series.pk else []
            return context
