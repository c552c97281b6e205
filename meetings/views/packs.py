"""The democratic support officer's pages: upload, watch, review, publish or discard a pack."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from meetings.forms.packs import REVIEW_FORMS, PackUploadForm
from meetings.models import Pack, Resolution
from meetings.selectors import review
from meetings.services import packs as pack_services
from meetings.services.page_images import page_png
from meetings.services.review import NotEditable, save_review_edit
from scrutiny.access import Can, can_see_pack, public, requires


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
        try:
            pack = pack_services.receive_pack(upload, filename=upload.name, user=request.user)
        except pack_services.DuplicatePack as exc:
            messages.warning(request, str(exc))
            return redirect(exc.existing)
        except pack_services.PackRejected as exc:
            form.add_error("file", str(exc))
        else:
            if pack.not_sent:
                messages.warning(request, pack_services.NOT_SENT)
            else:
                messages.success(request, f"{pack.original_filename} is uploaded and being read.")
            return redirect(pack)
    return render(request, "meetings/pack_upload.html", {"form": form})


@requires(Can.UPLOAD_PACKS)
def pack_detail(request, pk):
    pack = get_object_or_404(Pack.objects.select_related("meeting__committee", "replaces"), pk=pk)
    return render(
        request, "meetings/pack_detail.html", {"pack": pack, **review.review_context(pack)}
    )


@requires(Can.UPLOAD_PACKS)
def pack_progress(request, pk):
    """The status panel alone, polled by htmx while the worker reads the pack."""
    pack = get_object_or_404(Pack, pk=pk)
    response = render(request, "meetings/_pack_status.html", {"pack": pack})
    if not pack.is_working and request.htmx:
        response["HX-Refresh"] = "true"  # finished: reload to show the review screen
    return response


@public
def pack_page_image(request, pk, page):
    pack = get_object_or_404(Pack, pk=pk)
    if not can_see_pack(request.user, pack):
        raise Http404
    png = page_png(pack, page)
    if png is None:
        raise Http404
    response = HttpResponse(png, content_type="image/png")
    response["Cache-Control"] = "private, max-age=86400"
    return response


@public
def pack_page(request, pk, page):
    """One page of a pack as a picture, with any highlighted cell: where a value came from."""
    pack = get_object_or_404(Pack.objects.select_related("meeting__committee"), pk=pk)
    if not can_see_pack(request.user, pack) or not 1 <= page <= (pack.page_count or 0):
        raise Http404
    context = review.page_context(pack, page, highlight=request.GET.get("box"))
    template = "meetings/_page_viewer.html" if request.htmx else "meetings/pack_page.html"
    return render(request, template, context)


@require_POST
@requires(Can.UPLOAD_PACKS)
def pack_publish(request, pk):
    pack = get_object_or_404(Pack, pk=pk)
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
        return redirect(pack)
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
