"""The meetings app's models, one module per subject."""

from .committees import Attendance, Committee, Meeting, Membership, Person
from .moderngov import (
    ModernGovAgendaItem,
    ModernGovDocument,
    ModernGovFeed,
    ModernGovMeeting,
    SyncRun,
)
from .packs import Pack, published_rows
from .pages import PageImage, PublicPdf
from .papers import AgendaItem, GlossaryTerm, Minute, Report, Resolution
from .recommendations import Recommendation, RecommendationUpdate

__all__ = [
    "AgendaItem",
    "Attendance",
    "Committee",
    "GlossaryTerm",
    "Meeting",
    "Membership",
    "Minute",
    "ModernGovAgendaItem",
    "ModernGovDocument",
    "ModernGovFeed",
    "ModernGovMeeting",
    "Pack",
    "PageImage",
    "Person",
    "PublicPdf",
    "Recommendation",
    "RecommendationUpdate",
    "Report",
    "Resolution",
    "SyncRun",
    "published_rows",
]
