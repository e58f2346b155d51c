// Paste a post's address into an excerpt's "Post address" and the rest fills itself:
// title, author, date, blogger (or a new blogger, added in place), sector, and the post's
// opening paragraphs to choose the quoted passage from. Only empty fields are filled, so
// nothing an editor typed is lost; when the post cannot be read, a plain message says so
// and every field stays for typing. Works for the roundup's excerpt blocks and the
// suggestion inbox's form, which name their inputs <prefix>-url, <prefix>-title, …
(function () {
  "use strict";
  const script = document.currentScript;
  const detailsUrl = script.dataset.detailsUrl;
  const bloggerUrl = script.dataset.bloggerUrl;

  function csrf() {
    const config = document.getElementById("wagtail-config");
    if (config) {
      return JSON.parse(config.textContent).CSRF_TOKEN;
    }
    const field = document.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }

  function post(url, fields) {
    const body = new URLSearchParams(fields);
    return fetch(url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrf(), "X-Requested-With": "XMLHttpRequest" },
    }).then((response) => response.json());
  }

  function prefixOf(input) {
    if (!input.id || !input.id.endsWith("-url")) return null;
    const prefix = input.id.slice(0, -"-url".length);
    return document.getElementById(prefix + "-quote") ? prefix : null;
  }

  function field(prefix, name) {
    return document.getElementById(prefix + "-" + name);
  }

  function fillText(prefix, name, value) {
    const input = field(prefix, name);
    if (input && value && !input.value.trim()) {
      input.value = value;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      input.dispatchEvent(new Event("change", { bubbles: true }));
      return true;
    }
    return false;
  }

  function chooseSnippet(prefix, name, state, overwrite) {
    if (!state) return false;
    const chooser = document.getElementById(prefix + "-" + name + "-chooser");
    const input = field(prefix, name);
    if (!input || (input.value && !overwrite)) return false;
    if (chooser && chooser.widget) {
      chooser.widget.setState(state);
    } else {
      if (input.tagName === "SELECT" && !input.querySelector(`option[value="${state.id}"]`)) {
        input.add(new Option(state.string, state.id));
      }
      input.value = state.id;
      input.dispatchEvent(new Event("change", { bubbles: true }));
    }
    return true;
  }

  function panel(prefix) {
    const id = prefix + "-from-link";
    let box = document.getElementById(id);
    if (!box) {
      box = document.createElement("div");
      box.id = id;
      box.className = "help excerpt-from-link";
      box.setAttribute("role", "status");
      // At the end of the excerpt, so nothing the editor may be about to click moves.
      const url = field(prefix, "url");
      const block = url.closest(".struct-block");
      if (block) block.append(box);
      else (url.closest("[data-field-input]") || url.parentElement).after(box);
    }
    box.replaceChildren();
    return box;
  }

  function paragraph(box, text) {
    const p = document.createElement("p");
    p.textContent = text;
    box.append(p);
    return p;
  }

  function button(label, onClick) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "button button-small button-secondary";
    b.textContent = label;
    b.addEventListener("click", onClick);
    return b;
  }

  function offerParagraphs(prefix, box, paragraphs) {
    if (!paragraphs.length) return;
    const list = document.createElement("ol");
    list.className = "excerpt-from-link__paragraphs";
    list.setAttribute("aria-label", "The post's opening paragraphs");
    paragraphs.forEach((text, index) => {
      const item = document.createElement("li");
      const words = document.createElement("q");
      words.textContent = text;
      item.append(
        words,
        " ",
        button("Quote paragraph " + (index + 1), () => {
          // Looked up at the click, in case the editor's form was redrawn since.
          const quote = field(prefix, "quote");
          quote.value = text;
          quote.dispatchEvent(new Event("input", { bubbles: true }));
          quote.focus();
        }),
      );
      list.append(item);
    });
    paragraph(box, "Choose the quoted passage from the post's opening paragraphs (you can trim it after):");
    box.append(list);
  }

  function labelled(labelText, input) {
    const label = document.createElement("label");
    label.textContent = labelText + " ";
    label.append(input);
    return label;
  }

  function offerNewBlogger(prefix, box, offer) {
    const form = document.createElement("fieldset");
    form.className = "excerpt-from-link__new-blogger";
    const legend = document.createElement("legend");
    legend.textContent = "No blogger has this blog's address yet: add them";
    const inputs = {};
    for (const [name, label] of [["name", "Name"], ["blog_name", "Blog name"], ["blog_url", "Blog address"]]) {
      inputs[name] = document.createElement("input");
      inputs[name].type = "text";
      inputs[name].value = offer[name] || "";
      inputs[name].addEventListener("keydown", (event) => {
        if (event.key === "Enter") event.preventDefault();
      });
    }
    const sector = document.createElement("select");
    sector.add(new Option("(none)", ""));
    for (const option of offer.sectors) sector.add(new Option(option.string, option.id));
    inputs.sector = sector;
    const status = document.createElement("p");
    const add = button("Add blogger", () => {
      const fields = {};
      for (const name of Object.keys(inputs)) fields[name] = inputs[name].value;
      post(bloggerUrl, fields)
        .then((answer) => {
          if (!answer.ok) {
            status.textContent = answer.message;
            return;
          }
          chooseSnippet(prefix, "blogger", answer.blogger, true);
          chooseSnippet(prefix, "sector", answer.blogger.sector, false);
          form.replaceChildren();
          status.textContent = "Added " + answer.blogger.string + " as a blogger.";
          form.append(status);
        })
        .catch(() => {
          status.textContent = "The blogger could not be added: choose or add them by hand.";
        });
    });
    form.append(
      legend,
      labelled("Name", inputs.name),
      labelled("Blog name", inputs.blog_name),
      labelled("Blog address", inputs.blog_url),
      labelled("Sector", sector),
      add,
      status,
    );
    box.append(form);
  }

  function read(input) {
    const prefix = prefixOf(input);
    const url = input.value.trim();
    if (!prefix || !/^https?:\/\/\S+$/i.test(url) || input.dataset.readFrom === url) return;
    input.dataset.readFrom = url;
    const box = panel(prefix);
    paragraph(box, "Reading the post…");
    post(detailsUrl, { url: url })
      .then((answer) => {
        box.replaceChildren();
        if (!answer.ok) {
          paragraph(box, answer.message);
          return;
        }
        fillText(prefix, "title", answer.title);
        fillText(prefix, "author", answer.author);
        fillText(prefix, "posted_on", answer.posted_on);
        if (answer.blogger) {
          chooseSnippet(prefix, "blogger", answer.blogger, false);
          chooseSnippet(prefix, "sector", answer.blogger.sector, false);
        }
        paragraph(box, "Filled in from the post: check the details before saving.");
        if (!answer.blogger && answer.new_blogger) offerNewBlogger(prefix, box, answer.new_blogger);
        if (!field(prefix, "quote").value.trim()) offerParagraphs(prefix, box, answer.paragraphs);
      })
      .catch(() => {
        box.replaceChildren();
        paragraph(box, "The post could not be read. Fill in the excerpt by hand.");
      });
  }

  document.addEventListener("change", (event) => {
    if (event.target instanceof HTMLInputElement) read(event.target);
  });
  document.addEventListener("paste", (event) => {
    const target = event.target;
    if (target instanceof HTMLInputElement) setTimeout(() => read(target), 0);
  });
})();
