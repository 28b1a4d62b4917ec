"""Review packets: a case's findings with their evidence quotes and a timeline, for a person."""

from casefacts.packet.context import Packet, build_packet
from casefacts.packet.render import render_html, write_pdf
from casefacts.packet.timeline import timeline_marks, timeline_svg

__all__ = ["Packet", "build_packet", "render_html", "timeline_marks", "timeline_svg", "write_pdf"]
