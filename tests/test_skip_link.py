"""'Skip to content' on a generated page lands on its title, not past the title and summary."""

from __future__ import annotations

from generator.render.skip_link import skip_to_title
from generator.render.stamp import H1_HINT

MATERIAL = '<a href="#actors" class="md-skip">Skip to content</a><main>{}</main>'


def test_a_page_with_a_generated_title_skips_to_it():
    html = MATERIAL.format('<h1 id="title">Harbour reopens</h1><p>Summary</p><h2 id="actors">Actors</h2>')
    assert skip_to_title(html).startswith('<a href="#title" class="md-skip">')


def test_a_briefing_shell_skips_to_the_title_its_pages_get():
    assert skip_to_title(MATERIAL.format(H1_HINT)).startswith('<a href="#title" class="md-skip">')


def test_a_hand_written_page_keeps_materials_link():
    html = MATERIAL.format('<h1 id="about">About</h1>')
    assert skip_to_title(html) == html
