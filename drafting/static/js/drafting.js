// Open drafting, with JavaScript: each paragraph's comment count becomes a button that
// opens that paragraph's comments beside it, and "Comment" picks the paragraph in the
// form and moves focus there. Without JavaScript the same links jump to the list of
// comments at the end of the page and to the form.
(function () {
    "use strict";

    function disclosure(link) {
        var list = document.getElementById(link.getAttribute("data-drafting-comments"));
        if (!list) { return; }
        var panel = document.createElement("div");
        panel.className = "commentable__panel";
        panel.id = "panel-" + list.id;
        panel.hidden = true;
        var comments = list.querySelector(".comment-list").cloneNode(true);
        comments.querySelectorAll("[id]").forEach(function (node) { node.removeAttribute("id"); });
        panel.appendChild(comments);

        var button = document.createElement("button");
        button.type = "button";
        button.className = link.className;
        button.innerHTML = link.innerHTML;
        button.setAttribute("aria-expanded", "false");
        button.setAttribute("aria-controls", panel.id);
        button.addEventListener("click", function () {
            var open = button.getAttribute("aria-expanded") === "true";
            button.setAttribute("aria-expanded", open ? "false" : "true");
            panel.hidden = open;
        });
        link.replaceWith(button);
        button.closest(".commentable").appendChild(panel);
    }

    function chooser(link) {
        var form = document.getElementById("comment-form");
        if (!form) { return; }
        link.addEventListener("click", function (event) {
            event.preventDefault();
            form.querySelector("select[name=paragraph]").value = link.getAttribute("data-drafting-paragraph");
            var text = form.querySelector("textarea[name=text]");
            text.scrollIntoView({ block: "center" });
            text.focus();
        });
    }

    document.querySelectorAll("[data-drafting-comments]").forEach(disclosure);
    document.querySelectorAll("[data-drafting-paragraph]").forEach(chooser);
}());
