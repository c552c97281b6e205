"""The democratic support officer's pages: upload, watch, review, publish or discard a pack."""

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from meetings.forms.packs import REVIEW_FORMS, PackUploadForm
from meetings.models import Pack, Resolution
from meetings.selectors import review
from meetings.selectors.pages import current_pack_for, exempt_pages
from meetings.services import packs as pack_services
from meetings.services.page_images import page_png_path, placeholder_png
from meetings.services.review import NotEditable, save_review_edit
from meetings.views.filing import filing_form
from scrutiny.access import Can, can_see_page, public, requires


@requires(Can.UPLOAD_PACKS)
def pack_list(request):
    packs = Pack.objects.select_related("meeting__committee", "uploaded_by").order_by(
        "-uploaded_at"
    )
    return render(request, "meetings/pack_list.html", {"packs": packs[:200]})


@requires(Can.UPLOAD_PACKS)
def pack_upload(request):
    form = PackUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        committee, date = form.chosen()
        try:
            pack = pack_services.receive_pack(
                upload, filename=upload.name, user=request.user, committee=committee, date=date
            )
        except pack_services.DuplicatePack as exc:
            messages.warning(request, str(exc))
            return redirect(exc.existing)
        except pack_services.PackRejected as exc:
            form.add_error("file", str(exc))
        else:
            if pack.not_sent:
                messages.warning(request, pack_services.NOT_SENT)
            else:
                messages.success(
                    request, f"{pack.original_filename} is uploaded."
                )  # the panel says the rest
            return redirect(pack)
    return render(request, "meetings/pack_upload.html", {"form": form})


@requires(Can.UPLOAD_PACKS)
def pack_detail(request, pk):
    pack = get_object_or_404(Pack.objects.select_related("meeting__committee", "replaces"), pk=pk)
    filing = {"filing_form": filing_form(pack)} if pack.extraction else {}
    return render(
        request,
        "meetings/pack_detail.html",
        {"pack": pack, **review.review_context(pack), **filing},
    )


@requires(Can.UPLOAD_PACKS)
def pack_progress(request, pk):
    """The status panel alone, polled by htmx while the worker reads the pack."""
    pack = get_object_or_404(Pack, pk=pk)
    response = render(request, "meetings/_pack_status.html", {"pack": pack})
    if not pack.is_working and request.htmx:
        response["HX-Refresh"] = "true"  # finished: reload to show the review screen
    return response


def visible_page_or_404(request, pk, page):
    """The pack and page if this user may see that page; a replaced pack's link -> redirect."""
    pack = get_object_or_404(Pack.objects.select_related("meeting__committee"), pk=pk)
    if not 1 <= page <= (pack.page_count or 0):
        raise Http404
    if not can_see_page(request.user, pack, page, exempt_pages(pack)):
        raise Http404
    return pack


def replaced(request, pack, name, page=None):
    """An old link to a replaced pack goes to the same page of the pack that replaced it."""
    current = current_pack_for(request.user, pack)
    if current is None:
        return None
    if page is None:
        return redirect(name, current.pk)
    return redirect(name, current.pk, min(page, current.page_count or 1))


@public
def pack_page_image(request, pk, page):
    pack = get_object_or_404(Pack, pk=pk)
    if (moved := replaced(request, pack, "meetings:pack_page_image", page)) is not None:
        return moved
    pack = visible_page_or_404(request, pk, page)
    path = page_png_path(pack, page)
    if path is None:  # refused (over a limit) or not drawn yet: never drawn here
        response = HttpResponse(placeholder_png(), content_type="image/png")
        response["Cache-Control"] = "private, no-cache"
        return response
    response = FileResponse(path.open("rb"), content_type="image/png")
    response["Cache-Control"] = "private, max-age=86400"
    return response


@public
def pack_page(request, pk, page):
    """One page of a pack as a picture, with any highlighted cell: where a value came from."""
    pack = get_object_or_404(Pack, pk=pk)
    if (moved := replaced(request, pack, "meetings:pack_page", page)) is not None:
        return moved
    pack = visible_page_or_404(request, pk, page)
    context = review.page_context(pack, page, highlight=request.GET.get("box"))
    hidden = exempt_pages(pack)
    if hidden and not can_see_page(request.user, pack, min(hidden), hidden):
        # Previous / next step over the pages this reader may not open.
        before = [n for n in range(page - 1, 0, -1) if n not in hidden]
        after = [n for n in range(page + 1, pack.page_count + 1) if n not in hidden]
        context["previous_page"] = before[0] if before else None
        context["next_page"] = after[0] if after else None
        # This reader gets the public copy, which lacks the exempt pages before this one.
        context["pdf_page"] = page - sum(1 for n in hidden if n < page)
    template = "meetings/_page_viewer.html" if request.htmx else "meetings/pack_page.html"
    return render(request, template, context)


@require_POST
@requires(Can.UPLOAD_PACKS)
def pack_publish(request, pk):
    pack = get_object_or_404(Pack.objects.select_related("meeting__committee"), pk=pk)
    published = Pack.objects.filter(meeting_id=pack.meeting_id, status=Pack.Status.PUBLISHED)
    replacing = published.exclude(pk=pack.pk).first() if pack.meeting_id else None
    if replacing and request.POST.get("confirm") != "replace":  # ask first: it replaces a pack
        context = {"pack": pack, "replacing": replacing}
        return render(request, "meetings/pack_publish_confirm.html", context)
    try:
        pack_services.publish_pack(pack, request.user)
    except pack_services.CannotPublish as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Published: councillors and the public can now see it.")
    return redirect(pack)


@require_POST
@requires(Can.UPLOAD_PACKS)
def pack_discard(request, pk):
    pack = get_object_or_404(Pack, pk=pk)
    try:
        pack_services.discard_pack(pack, request.user)
    except pack_services.CannotPublish as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "The draft was discarded; nothing from it remains.")
    return redirect("meetings:packs")


@require_POST
@requires(Can.UPLOAD_PACKS)
def pack_retry(request, pk):
    pack = get_object_or_404(Pack, pk=pk)
    pack_services.retry_pack(pack)
    return redirect(pack)


@requires(Can.UPLOAD_PACKS)
def review_edit(request, pk, kind, row_id):
    """Correct one thing read from a draft pack, beside the page it came from."""
    pack = get_object_or_404(Pack, pk=pk)
    form_class = REVIEW_FORMS.get(kind)
    if form_class is None:
        raise Http404
    row = get_object_or_404(rows_of(pack, form_class._meta.model), pk=row_id)
    form = form_class(request.POST or None, instance=row)
    if request.method == "POST" and form.is_valid():
        try:
            save_review_edit(pack, form)
        except NotEditable as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, "Saved.")
        return redirect(f"{pack.get_absolute_url()}#{kind}-{row.pk}")  # back to the row saved
    page = getattr(row, "pdf_page", None) or getattr(getattr(row, "minute", None), "pdf_page", None)
    context = {"pack": pack, "form": form, "row": row, "kind": kind}
    if page:
        context.update(
            review.page_context(pack, page, highlight=str(row.pk) if kind == "value" else None)
        )
    return render(request, "meetings/review_edit.html", context)


def rows_of(pack, model):
    if model is Resolution:
        return Resolution.objects.filter(minute__pack=pack)
    return model.objects.filter(pack=pack)
