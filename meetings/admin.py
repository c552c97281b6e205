from django.contrib import admin

from meetings import models


class MembershipInline(admin.TabularInline):
    model = models.Membership
    extra = 0
    autocomplete_fields = ["person"]


class ModernGovFeedInline(admin.StackedInline):
    """A panel's ModernGov: the council's site and the committee's id there."""

    model = models.ModernGovFeed
    extra = 0
    max_num = 1
    fields = ["base_url", "moderngov_committee", "enabled", "fetch_packs", "last_synced_at"]
    readonly_fields = ["last_synced_at"]


@admin.register(models.Committee)
class CommitteeAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    inlines = [ModernGovFeedInline, MembershipInline]


@admin.register(models.Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "email"]
    search_fields = ["name", "email"]


@admin.register(models.Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["committee", "date", "time", "venue", "status", "municipal_year"]
    list_filter = ["committee", "status", "municipal_year"]
    date_hierarchy = "date"


@admin.register(models.Attendance)
class AttendanceAdmin(admin.ModelAdmin):
    list_display = ["meeting", "person", "status", "note"]
    list_filter = ["status"]


@admin.register(models.Pack)
class PackAdmin(admin.ModelAdmin):
    list_display = [
        "original_filename",
        "committee",
        "meeting",
        "status",
        "page_count",
        "uploaded_at",
    ]
    list_filter = ["status", "committee"]
    search_fields = ["original_filename", "sha256"]
    readonly_fields = ["sha256", "extraction_sha256", "uploaded_at", "extracted_at", "published_at"]


@admin.register(models.AgendaItem)
class AgendaItemAdmin(admin.ModelAdmin):
    list_display = ["meeting", "number", "title", "first_page", "last_page", "exempt"]
    list_filter = ["exempt", "meeting__committee"]
    search_fields = ["title"]


@admin.register(models.Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["meeting", "subject", "report_of", "confidential"]
    search_fields = ["subject"]


class ResolutionInline(admin.TabularInline):
    model = models.Resolution
    extra = 0


@admin.register(models.Minute)
class MinuteAdmin(admin.ModelAdmin):
    list_display = ["meeting", "number", "title"]
    search_fields = ["title", "text"]
    inlines = [ResolutionInline]


@admin.register(models.Resolution)
class ResolutionAdmin(admin.ModelAdmin):
    list_display = ["minute", "number", "is_substantive"]
    list_filter = ["is_substantive"]


class RecommendationUpdateInline(admin.TabularInline):
    model = models.RecommendationUpdate
    extra = 0
    fk_name = "recommendation"


@admin.register(models.Recommendation)
class RecommendationAdmin(admin.ModelAdmin):
    list_display = ["title", "number", "made_on", "status", "state", "due_date"]
    list_filter = ["state", "status", "committee"]
    search_fields = ["title", "text"]
    inlines = [RecommendationUpdateInline]


@admin.register(models.RecommendationUpdate)
class RecommendationUpdateAdmin(admin.ModelAdmin):
    list_display = ["recommendation", "date", "status", "decision", "author"]
    list_filter = ["status", "decision"]


@admin.register(models.GlossaryTerm)
class GlossaryTermAdmin(admin.ModelAdmin):
    list_display = ["term", "committee"]
    search_fields = ["term", "definition"]


@admin.register(models.ModernGovFeed)
class ModernGovFeedAdmin(admin.ModelAdmin):
    list_display = [
        "__str__",
        "committee",
        "base_url",
        "moderngov_committee",
        "enabled",
        "last_synced_at",
    ]
    list_filter = ["enabled"]
    readonly_fields = ["last_synced_at"]


@admin.register(models.SyncRun)
class SyncRunAdmin(admin.ModelAdmin):
    list_display = ["feed", "started_at", "finished_at", "outcome"]
    list_filter = ["outcome", "feed"]
    readonly_fields = ["feed", "started_at", "finished_at", "outcome", "changes", "problems"]
