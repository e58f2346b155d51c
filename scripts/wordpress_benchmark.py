"""Time and memory of `manage.py import_wordpress` on a generated export.

    .venv/bin/python scripts/wordpress_benchmark.py [--posts 20000] [--runs 3] [--keep]

Writes an export of N posts (one in 40 a roundup of nine excerpts, one in 25 a part of a
ten-part series, one in 30 a draft, three comments on one post in five, every fourth
post with an image, headings, lists and a table), then for each run migrates a new,
empty SQLite database in a temporary folder and imports the file into it in a child
process, printing the wall time, the child's peak resident memory, and the peak of a
parse alone (the streaming reader over the whole file) beside the file's size. The
machine's load is printed before each run. Nothing is written to the project's database
or media; `--keep` leaves the temporary folder for inspection.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
SECTORS = ("Social care", "Health", "Democracy", "Policing", "Education")


def say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def essay_html(number: int) -> str:
    paragraphs = "\n\n".join(
        f"Paragraph {p} of post {number}: frontline practitioners know how policy lands, "
        f'and <a href="https://example.org/{number}/{p}">evidence</a> should <em>follow</em>.'
        for p in range(1, 7)
    )
    image = '\n\n<img src="/wp-content/uploads/2012/10/photo.jpg" alt="A photo">' * (
        number % 4 == 0
    )
    return (
        f"{paragraphs}\n\n<h3>What next</h3>\n\n<ul><li>Listen</li><li>Open up</li></ul>\n\n"
        "<table><tr><th>Who</th><th>Role</th></tr><tr><td>Jo</td><td>Nurse</td></tr></table>"
        f"{image}"
    )


def roundup_html(number: int) -> str:
    day = 1 + number % 28  # the week ending in item_xml's title: nothing posted after it
    parts = ["Our pick of the week's frontline blogs."]
    for excerpt in range(9):
        blog = f"blogger{(number + excerpt) % 300}"
        parts += [
            f"<h3>{SECTORS[excerpt % len(SECTORS)]}</h3>" if excerpt % 2 == 0 else "",
            f'<strong><a href="https://{blog}.example.org/{number}/">Post {excerpt}</a></strong>',
            f'From <a href="https://{blog}.example.org/">{blog.title()}</a>',
            f"Posted on {day}th October 2012",
            f"<blockquote>“Quoted words {excerpt} from the frontline.”</blockquote>",
            f"Commentary on excerpt {excerpt} of roundup {number}.",
        ]
    return "\n\n".join(part for part in parts if part)


def item_xml(number: int) -> str:
    post_id = 1000 + number
    status = "draft" if number % 30 == 0 else "publish"
    day = 1 + number % 28
    if number % 40 == 0:
        title, content = f"Best of the frontline bloggers (week ending {day}th October 2012)", ""
        title = title.replace("1th", "1st").replace("2th", "2nd").replace("3th", "3rd")
        title = title.replace("11st", "11th").replace("12nd", "12th").replace("13rd", "13th")
        content = roundup_html(number)
    elif number % 25 == 0:
        series, part = divmod(number // 25, 10)
        title, content = (
            f"Ten reasons series {series} – {part + 1}. Reason {part + 1}",
            essay_html(number),
        )
    else:
        title, content = f"Essay number {number} on open policymaking", essay_html(number)
    comments = "".join(
        f"""<wp:comment><wp:comment_id>{post_id * 10 + c}</wp:comment_id>
<wp:comment_author>{cdata(f"Reader {c}")}</wp:comment_author>
<wp:comment_date_gmt>2012-10-{day:02d} 12:0{c}:00</wp:comment_date_gmt>
<wp:comment_content>{cdata("I agree, and here is why.")}</wp:comment_content>
<wp:comment_approved>1</wp:comment_approved><wp:comment_type>comment</wp:comment_type>
<wp:comment_parent>{post_id * 10 + c - 1 if c else 0}</wp:comment_parent></wp:comment>"""
        for c in range(3 if number % 5 == 0 else 0)
    )
    topic = number % 12
    return f"""<item><title>{cdata(title)}</title>
<link>https://bench.example.org/2012/10/{day:02d}/post-{number}/</link>
<dc:creator>{cdata("editor")}</dc:creator>
<guid isPermaLink="false">https://bench.example.org/?p={post_id}</guid>
<content:encoded>{cdata(content)}</content:encoded>
<excerpt:encoded>{cdata(f"Standfirst of post {number}.")}</excerpt:encoded>
<wp:post_id>{post_id}</wp:post_id><wp:post_date_gmt>2012-10-{day:02d} 09:00:00</wp:post_date_gmt>
<wp:post_name>post-{number}</wp:post_name><wp:status>{status}</wp:status>
<wp:post_parent>0</wp:post_parent><wp:post_type>post</wp:post_type>
<category domain="category" nicename="topic-{topic}">{cdata(f"Topic {topic}")}</category>
{comments}</item>
"""


def write_export(path: Path, posts: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
            'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel><title>Benchmark</title>'
            "<link>https://bench.example.org</link><wp:wxr_version>1.2</wp:wxr_version>"
            "<wp:base_blog_url>https://bench.example.org</wp:base_blog_url>"
            "<wp:author><wp:author_login>editor</wp:author_login>"
            "<wp:author_display_name>Edith Editor</wp:author_display_name></wp:author>\n"
            "<item><title>photo</title><link>https://bench.example.org/photo/</link>"
            "<wp:post_id>1</wp:post_id><wp:status>inherit</wp:status>"
            "<wp:post_type>attachment</wp:post_type>"
            "<wp:attachment_url>https://bench.example.org/wp-content/uploads/2012/10/photo.jpg"
            "</wp:attachment_url></item>\n"
        )
        for number in range(1, posts + 1):
            out.write(item_xml(number))
        out.write("</channel></rss>\n")


def write_upload(folder: Path) -> None:
    """A small JPEG at the one upload path the export's posts use."""

    target = folder / "2012" / "10" / "photo.jpg"
    target.parent.mkdir(parents=True)
    Image.new("RGB", (64, 48), (90, 120, 150)).save(target, quality=80)


def child(args: list[str], env: dict) -> tuple[float, str]:
    """Run a child; its wall time and output."""
    started = time.perf_counter()
    # A fixed interpreter and script from this checkout; no untrusted input.
    done = subprocess.run(args, env=env, cwd=ROOT, capture_output=True, text=True)  # noqa: S603
    elapsed = time.perf_counter() - started
    if done.returncode:
        raise SystemExit(done.stdout + done.stderr)
    return elapsed, done.stdout


IMPORT = (
    "import resource, sys; sys.path[:0] = ['.', 'site']; import django; django.setup();"
    "from django.core.management import call_command;"
    "call_command('import_wordpress', sys.argv[1], '--media-dir', sys.argv[2], verbosity=0);"
    "print('peak', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
)
PARSE_ONLY = (
    "import resource, sys; sys.path.insert(0, '.');"
    "from wordpress import wxr; n = sum(1 for _ in wxr.read(sys.argv[1]));"
    "print(n, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", action="store_true")
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="wordpress-benchmark-"))
    export = folder / "export.xml"
    write_export(export, options.posts)
    write_upload(folder / "uploads")
    size = export.stat().st_size / 1024 / 1024
    say(f"Export: {options.posts} posts, {size:.1f} MB")
    python = sys.executable
    parsed = subprocess.run(  # noqa: S603
        [python, "-c", PARSE_ONLY, str(export)], cwd=ROOT, capture_output=True, text=True
    )
    items, parse_peak = parsed.stdout.split()
    say(f"Parse alone: {items} items, peak memory {int(parse_peak) / 1024:.0f} MB")
    for run in range(1, options.runs + 1):
        database = folder / f"run{run}.sqlite3"
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{database}",
            "MEDIA_ROOT": str(folder / f"media{run}"),
            "DJANGO_SETTINGS_MODULE": "settings.dev",
            "DEBUG": "false",
        }
        child([python, "manage.py", "migrate", "-v0"], env)
        load = os.getloadavg()
        elapsed, output = child([python, "-c", IMPORT, str(export), str(folder / "uploads")], env)
        lines = output.splitlines()
        peak = int(lines[-1].split()[1])
        rows = [line for line in lines[:-1] if line[:1].isalpha()][:8]
        say(
            f"Run {run}: {elapsed:.0f} s, {options.posts / elapsed:.1f} posts/s, peak memory "
            f"{peak / 1024:.0f} MB (load before: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f})"
        )
        for line in rows:
            say(f"    {line}")
        database.unlink()
    if options.keep:
        say(f"Kept {folder}")
    else:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
