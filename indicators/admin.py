from django.contrib import admin

from indicators import models


class AliasInline(admin.TabularInline):
    model = models.IndicatorAlias
    extra = 0


@admin.register(models.Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["name", "committee", "code", "unit", "polarity", "section"]
    list_filter = ["committee", "unit", "polarity", "section"]
    search_fields = ["name", "code", "aliases__name"]
    inlines = [AliasInline]


@admin.register(models.Observation)
class ObservationAdmin(admin.ModelAdmin):
    list_display = ["indicator", "period", "value", "revision", "source", "review", "pdf_page"]
    list_filter = ["source", "review", "period_type"]
    search_fields = ["indicator__name"]


@admin.register(models.Benchmark)
class BenchmarkAdmin(admin.ModelAdmin):
    list_display = ["indicator", "kind", "label", "period", "value"]
    list_filter = ["kind"]


@admin.register(models.Target)
class TargetAdmin(admin.ModelAdmin):
    list_display = ["indicator", "period", "value", "reported_on"]


@admin.register(models.Commentary)
class CommentaryAdmin(admin.ModelAdmin):
    list_display = ["section", "heading", "committee", "reported_on"]
    search_fields = ["text"]
